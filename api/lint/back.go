package lint

import (
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// backSoon: a contact who comes back within days was probably not helped
// the first time. Another session is the same contact's when it has the
// same contact ID, email or phone number; it counts when it was closed
// before this one was created, and created within BackWithin before it:
// one still open, or still going when this one began, is the same visit
// on another channel, not a return.
func backSoon(in Input, t Thresholds) (string, bool) {
	s := in.Session
	if s.Contact == nil || !s.CreatedAt.Valid() || t.BackWithin <= 0 {
		return "", false
	}
	var earlier []api.Session
	seen := map[string]bool{strings.ToLower(s.ID): true}
	for _, o := range in.Others {
		id := strings.ToLower(o.ID)
		if seen[id] || !o.CreatedAt.Valid() || !sameContact(s.Contact, o.Contact) {
			continue
		}
		gap := s.CreatedAt.Time.Sub(o.CreatedAt.Time)
		if gap <= 0 || gap > t.BackWithin || o.Status == api.StatusOpen || !o.UpdatedAt.Valid() || o.UpdatedAt.Time.After(s.CreatedAt.Time) {
			continue
		}
		seen[id] = true
		earlier = append(earlier, o)
	}
	if len(earlier) == 0 {
		return "", false
	}
	last := earlier[0]
	for _, o := range earlier[1:] {
		if o.CreatedAt.Time.After(last.CreatedAt.Time) {
			last = o
		}
	}
	noun := "session"
	if len(earlier) > 1 {
		noun = "sessions"
	}
	return fmt.Sprintf("contact back within %s: %d earlier %s, the last %s before (%s)",
		span(t.BackWithin), len(earlier), noun, span(s.CreatedAt.Time.Sub(last.CreatedAt.Time)), api.ShortID(last.ID)), true
}

// sameContact reports whether a and b are one customer: the same contact
// ID, email (in any case) or phone number (its digits).
func sameContact(a, b *api.Contact) bool {
	if a == nil || b == nil {
		return false
	}
	if a.ID != "" && strings.EqualFold(a.ID, b.ID) {
		return true
	}
	if e := fold(a.Email); e != "" && e == fold(b.Email) {
		return true
	}
	p := digits(a.PhoneNumber)
	return len(p) >= 7 && p == digits(b.PhoneNumber)
}

func fold(s *string) string {
	if s == nil {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(*s))
}

func digits(s *string) string {
	if s == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range *s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
