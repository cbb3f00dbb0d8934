package demo

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// newContact draws the contact of a generated session from a person. Which
// fields are null follows the channel: a WhatsApp contact has a phone number
// and often no email, a web visitor the reverse.
func newContact(rng *rand.Rand, p person, ch string, created, updated time.Time) *sessionContact {
	c := &sessionContact{ID: newUUID(rng)}
	email := p.email + "@" + p.domain
	phone := fillDigits(rng, p.phone)
	byPhone := slices.Contains([]string{"sms", "whatsapp", "phone_voice", "web_voice"}, ch)
	if !byPhone || chance(rng, 0.5) {
		c.Email = &email
	}
	if byPhone || chance(rng, 0.4) {
		c.PhoneNumber = &phone
	}
	if chance(rng, 0.92) {
		c.Name = &p.name
	}
	switch n := rng.IntN(10); {
	case n < 3: // null
	case n < 5:
		c.CustomData = map[string]string{}
	default:
		c.CustomData = map[string]string{
			"customer_tier":   pick(rng, []string{"standard", "plus", "vip"}),
			"lifetime_orders": strconv.Itoa(1 + rng.IntN(40)),
		}
		if chance(rng, 0.5) {
			c.CustomData["preferred_contact"] = pick(rng, []string{"email", "whatsapp", "phone"})
		}
	}
	c.CreatedAt = stamp(created.Add(-logUniform(rng, 24*time.Hour, 700*24*time.Hour)).Truncate(time.Millisecond))
	c.UpdatedAt = stamp(updated.Add(-time.Duration(rng.IntN(60000)) * time.Millisecond))
	if c.Name == nil || chance(rng, 0.12) {
		nick := p.first
		c.NonVerifiedName = &nick
	}
	if chance(rng, 0.1) {
		other := p.email + ".home@example.net"
		c.NonVerifiedEmail = &other
	}
	if chance(rng, 0.12) {
		c.NonVerifiedCustomData = map[string]any{
			"order_number_typed": "LK" + digits(rng, 7),
			"wants_callback":     chance(rng, 0.5),
			"items_in_cart":      rng.IntN(6),
		}
	}
	return c
}

// fillDigits replaces every '#' in pattern with a random digit.
func fillDigits(rng *rand.Rand, pattern string) string {
	var b strings.Builder
	for _, r := range pattern {
		if r == '#' {
			b.WriteByte(byte('0' + rng.IntN(10)))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// contactNames returns what a session's contact is called: the verified
// name, else the unverified one; the name to address them by; and their
// email. All empty without a contact.
func contactNames(c *sessionContact) who {
	if c == nil {
		return who{}
	}
	var w who
	switch {
	case c.Name != nil:
		w.name = *c.Name
	case c.NonVerifiedName != nil:
		w.name = *c.NonVerifiedName
	}
	if c.Email != nil {
		w.email = *c.Email
	}
	w.first = firstName(w.name)
	return w
}

// who is how the texts of a session refer to its contact.
type who struct {
	name, first, email string
}

// firstName returns how an agent addresses someone: from the people table
// when the name is one of them, else the first word.
func firstName(name string) string {
	for _, p := range people() {
		if p.name == name || p.first == name {
			return p.first
		}
	}
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}
