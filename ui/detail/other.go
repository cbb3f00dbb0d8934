package detail

import (
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// otherPanel shows the fields the API sent that cxi does not know (tags,
// channel.id, contact.foo): the API is a beta that adds fields before the
// contract names them, and what is not shown cannot be asked about. Each
// is one line, sanitized like every API text, cut at the panel's edge; the
// whole value is in the raw view and `cxi get --field`.
func (c content) otherPanel(other []api.OtherField) panel {
	return panel{title: "Other fields", body: func(w int) string {
		fields := make([]field, 0, len(other))
		for _, f := range other {
			v, muted := otherValue(f.Value)
			fields = append(fields, field{label: render.Or(f.Path), value: v, muted: muted, cut: true})
		}
		return fieldRows(c.theme, fields, w)
	}}
}

// otherValue is a value on one line (render.Value); muted marks what is
// not the value itself (a dash, the quotes of an empty string).
func otherValue(raw []byte) (value string, muted bool) {
	v, kind := render.Value(raw)
	switch {
	case kind == api.KindNull:
		return v, true
	case kind == api.KindString:
		if text, _ := api.FormatValue(raw); text == "" {
			return `""`, true // an empty string is a value, not an absent one
		}
	}
	return v, false
}
