package expand

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// Value is the placeholder field's value in s, as the API sent it
// (ticket_number's literal, never a float's format), or an error that
// names the field: missing or null ("this session has no external_id"),
// or holding what no program or browser should get (control characters,
// characters the screen hides, invalid UTF-8).
func Value(s *api.Session, field string) (string, error) {
	v, ok := lookup(s, field)
	if !ok || v == "" {
		return "", fmt.Errorf("this session has no %s", field)
	}
	if err := unsafe(v); err != nil {
		return "", fmt.Errorf("this session's %s %v: cxi will not pass it on", field, err)
	}
	return v, nil
}

// unsafe says what is wrong with v as a value to hand another program.
func unsafe(v string) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("is not valid UTF-8")
	}
	for _, r := range v {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("holds a control character (%U)", r)
		}
	}
	if render.Hidden(v) { // bidi controls, zero-width characters: what the screen would not show
		return fmt.Errorf("holds characters the screen does not show (bidi or zero-width)")
	}
	return nil
}

// lookup is the raw text of field; ok is false when the session has no
// such value (absent or null).
func lookup(s *api.Session, field string) (string, bool) {
	if key, ok := strings.CutPrefix(field, customPrefix); ok {
		raw, ok := s.CustomData[key]
		if !ok {
			return "", false
		}
		v, kind := api.FormatValue(raw)
		return v, kind == api.KindString || kind == api.KindNumber || kind == api.KindBool
	}
	switch field {
	case "id":
		return s.ID, true
	case "external_id":
		if t := s.TicketingSystem; t != nil {
			return t.ExternalID, true
		}
	case "ticket_number":
		if n := s.TicketNumber; n != nil {
			return n.String(), true
		}
	case "status":
		return string(s.Status), true
	case "sentiment":
		return str(s.Sentiment)
	case "channel":
		return string(s.Channel.Type), true
	case "assignee_id":
		return str(s.AssigneeID)
	case "language":
		return str(s.Language)
	case "team.id", "team.name":
		if t := s.Team; t != nil {
			return map[string]string{"team.id": t.ID, "team.name": t.Name}[field], true
		}
	default:
		return contact(s.Contact, field)
	}
	return "", false
}

func contact(c *api.Contact, field string) (string, bool) {
	if c == nil {
		return "", false
	}
	switch field {
	case "contact.id":
		return c.ID, true
	case "contact.email":
		return str(c.Email)
	case "contact.phone":
		return str(c.PhoneNumber)
	case "contact.name":
		return str(c.Name)
	}
	return "", false
}

func str[T ~string](p *T) (string, bool) {
	if p == nil {
		return "", false
	}
	return string(*p), true
}
