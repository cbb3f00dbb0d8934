package resolve

import (
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// Matches reports whether s is a session q names, by what the session
// itself holds: its ID, a ticket reference (external_id in any case, or
// the ticket number), its contact's email (verified or typed), phone
// number (ending in the digits given, at least seven) or name (the start
// of the name or of one of its words, in any case). It is how the loaded
// queue and a page of the list are searched, and it compares as the local
// store's index does, so that every source answers the same question.
func (q Query) Matches(s *api.Session) bool {
	if s == nil {
		return false
	}
	switch q.Kind {
	case KindID:
		return api.SameSession(s.ID, q.Value) || ticketMatches(s, q.Value)
	case KindTicket:
		return ticketMatches(s, strings.TrimPrefix(q.Value, "#"))
	}
	c := s.Contact
	if c == nil {
		return q.Kind == KindPhone && ticketMatches(s, q.Value)
	}
	switch q.Kind {
	case KindEmail:
		return equalFold(c.Email, q.Value) || equalFold(c.NonVerifiedEmail, q.Value)
	case KindPhone:
		want := digits(q.Value)
		return len(want) >= 7 && c.PhoneNumber != nil && strings.HasSuffix(digits(*c.PhoneNumber), want) ||
			ticketMatches(s, q.Value) // long digit strings are ticket numbers too
	}
	return namePrefix(c.Name, q.Value) || namePrefix(c.NonVerifiedName, q.Value)
}

func equalFold(p *string, v string) bool {
	return p != nil && strings.EqualFold(strings.TrimSpace(*p), strings.TrimSpace(v))
}

// digits are the ASCII digits of s.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// namePrefix reports whether the name, or one of its tails that starts a
// word, starts with what was typed, in any case and with spaces collapsed:
// "whitfield" and "dana whit" both find Dana Whitfield.
func namePrefix(name *string, typed string) bool {
	want := strings.Join(strings.Fields(strings.ToLower(typed)), " ")
	if name == nil || want == "" {
		return false
	}
	words := strings.Fields(strings.ToLower(*name))
	for i := range words {
		if strings.HasPrefix(strings.Join(words[i:], " "), want) {
			return true
		}
	}
	return false
}
