// Package expand turns a user command's template ([[commands]] in the
// config: a URL, or an argument list) into what is opened or run for one
// session. The values come from the API, which is hostile by assumption:
// in an argument list a value stays one argument and reaches no shell; in
// a URL it is percent-encoded for where it sits and can never change the
// scheme or the host; a value with control characters, or characters the
// screen hides, refuses the command with a message naming the field.
package expand

import (
	"fmt"
	"slices"
	"strings"
)

// Fields are the placeholders a template may hold besides {custom_data.KEY}.
var Fields = []string{
	"id", "external_id", "ticket_number", "status", "sentiment", "channel",
	"contact.email", "contact.phone", "contact.name", "contact.id",
	"team.id", "team.name", "assignee_id", "language",
}

// customPrefix names a key of the session's custom_data.
const customPrefix = "custom_data."

// piece is a template's text: a literal, or a placeholder (field set).
type piece struct {
	text  string // the literal; "" for a placeholder
	field string // the placeholder's name, without braces
}

// parse splits s into literals and placeholders, refusing an unknown
// placeholder or a brace that opens none.
func parse(s string) ([]piece, error) {
	var out []piece
	for s != "" {
		open := strings.IndexAny(s, "{}")
		if open < 0 {
			out = append(out, piece{text: s})
			break
		}
		if s[open] == '}' {
			return nil, fmt.Errorf("has a %q that closes no placeholder", "}")
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("has a %q that is never closed", "{")
		}
		name := s[open+1 : open+end]
		if !known(name) {
			return nil, fmt.Errorf("has an unknown placeholder {%s} (known: %s, {custom_data.KEY})", name, Known())
		}
		if open > 0 {
			out = append(out, piece{text: s[:open]})
		}
		out = append(out, piece{field: name})
		s = s[open+end+1:]
	}
	return out, nil
}

func known(name string) bool {
	if key, ok := strings.CutPrefix(name, customPrefix); ok {
		return key != ""
	}
	return slices.Contains(Fields, name)
}

// Known lists the placeholders, braced, for messages.
func Known() string {
	b := make([]string, len(Fields))
	for i, f := range Fields {
		b[i] = "{" + f + "}"
	}
	return strings.Join(b, ", ")
}

// hasField reports whether ps hold a placeholder.
func hasField(ps []piece) bool {
	return slices.ContainsFunc(ps, func(p piece) bool { return p.field != "" })
}
