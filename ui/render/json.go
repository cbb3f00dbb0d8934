package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode"

	"github.com/opencx-tools/cxi/api"
)

// JSON is a JSON document indented for reading and escaped as EscapeJSON
// does, as `cxi get --json` prints it and the TUI's raw view shows it.
func JSON(doc []byte) (string, error) {
	var b bytes.Buffer
	// Indent keeps trailing space, which a body as sent often ends with.
	if err := json.Indent(&b, bytes.TrimSpace(doc), "", "  "); err != nil {
		return "", err
	}
	return string(EscapeJSON(b.Bytes())), nil
}

// CompactJSON is a JSON document on one line, every value as written
// (key order, number literals, unknown fields) and escaped as EscapeJSON
// does: one session of `cxi list --json`, as the API sent it.
func CompactJSON(doc []byte) (string, error) {
	var b bytes.Buffer
	if err := json.Compact(&b, doc); err != nil {
		return "", err
	}
	return string(EscapeJSON(b.Bytes())), nil
}

// Value is one JSON value as sent, on one sanitized line: a string bare,
// null a Dash, a number with its digits, an object or array as compact
// JSON in the order sent (escaped as EscapeJSON does); with its kind, so a
// view can mute what is not the value itself.
func Value(raw []byte) (string, api.ValueKind) {
	text, kind := api.FormatValue(raw)
	switch kind {
	case api.KindNull:
		return Dash, kind
	case api.KindOther:
		if doc, err := CompactJSON(raw); err == nil {
			return Line(doc), kind
		}
	}
	return Or(text), kind
}

// JSONLine is v encoded as one line of JSON and escaped as EscapeJSON
// does: one item of `cxi list --json` or `cxi log --json`, where a line is
// a record for jq, and a value `cxi get --field` prints.
func JSONLine(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(EscapeJSON(b)), nil
}

// EscapeJSON escapes as \uXXXX what encoding/json leaves raw in strings:
// DEL, C1 controls, format characters (bidi overrides, zero-width, the
// blank fillers Line drops) and the line and paragraph separators, so that
// no API text reaches a terminal unescaped even as JSON. An emoji's joiner
// is escaped too: \u200d decodes to the same text, and JSON loses nothing.
func EscapeJSON(b []byte) []byte {
	var out bytes.Buffer
	for _, r := range string(b) {
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || unicode.Is(unicode.Cf, r) || isInvisibleFormat(r) || r == '\u2028' || r == '\u2029' {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return out.Bytes()
}
