package store

import (
	"slices"
	"strings"
	"unicode"

	"github.com/opencx-tools/cxi/api"
)

// The kinds of identifier a session is found by (idents.kind).
const (
	identTicket = "t"
	identEmail  = "e"
	identPhone  = "p"
	identName   = "n"
)

type ident struct{ kind, value string }

// identsOf lists what sess can be found by: its ticket references, its
// contact's emails, phone and names, the unverified ones the customer typed
// included, each in the form the lookups compare.
func identsOf(sess *api.Session) []ident {
	var out []ident
	add := func(kind, value string) {
		if value != "" {
			out = append(out, ident{kind, value})
		}
	}
	if t := sess.TicketingSystem; t != nil {
		add(identTicket, ticketKey(t.ExternalID))
	}
	if n := sess.TicketNumber; n != nil {
		add(identTicket, n.Key())
	}
	c := sess.Contact
	if c == nil {
		return out
	}
	for _, e := range []*string{c.Email, c.NonVerifiedEmail} {
		if e != nil {
			add(identEmail, emailKey(*e))
		}
	}
	if c.PhoneNumber != nil {
		add(identPhone, phoneKey(*c.PhoneNumber))
	}
	for _, n := range []*string{c.Name, c.NonVerifiedName} {
		if n != nil {
			for _, tail := range nameTails(*n) {
				add(identName, tail)
			}
		}
	}
	return out
}

// fold is an ID, an email or a reference as the store keys it: IDs and
// emails are matched in any case, and a pasted one may bring spaces.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ticketKey is a ticket reference as compared: helpdesks' references are
// matched in any case, as resolve does.
func ticketKey(ref string) string { return fold(ref) }

// ticketKeys are the values a ticket reference matches: itself, and the
// number it reads as (00012345 is ticket number 12345), as resolve compares.
func ticketKeys(ref string) []string {
	keys := []string{ticketKey(ref)}
	if k, ok := api.NumberKey(ref); ok && k != keys[0] {
		keys = append(keys, k)
	}
	return keys
}

func emailKey(e string) string { return fold(e) }

// phoneKey is a phone number's digits, reversed: "+1 (415) 555-0134" and
// "4155550134" both end in the same digits, and an index finds "ends with"
// only as a prefix.
func phoneKey(p string) string {
	var digits []rune
	for _, r := range p {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	slices.Reverse(digits)
	return string(digits)
}

// nameKey is a name as compared: lower case (every script's, which SQLite's
// NOCASE is not), its spaces collapsed.
func nameKey(n string) string {
	return strings.Join(strings.Fields(strings.ToLower(n)), " ")
}

// nameTails are the name and each of its tails that starts a word, so that
// "whitfield" finds Dana Whitfield by a prefix range as "dana" does.
func nameTails(n string) []string {
	words := strings.Fields(strings.ToLower(n))
	out := make([]string, 0, len(words))
	for i := range words {
		out = append(out, strings.Join(words[i:], " "))
	}
	return out
}

// idPrefix reports whether text can be the start of a session ID: eight or
// more hex digits, with the hyphens of a UUID where they fall, lower case.
func idPrefix(text string) (string, bool) {
	t := fold(text)
	if len(t) < 8 || len(t) > 36 {
		return "", false
	}
	for i, r := range t {
		hyphen := i == 8 || i == 13 || i == 18 || i == 23
		if hyphen && r != '-' || !hyphen && !isHex(r) {
			return "", false
		}
	}
	return t, true
}

func isHex(r rune) bool { return r < unicode.MaxASCII && strings.ContainsRune("0123456789abcdef", r) }
