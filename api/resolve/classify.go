// Package resolve finds sessions from whatever a support lead was handed:
// a session ID or text holding one, a ticket reference (#1234, ZD-884213),
// an email address, a phone number or a name. The TUI's input and
// `cxi get` share it, so they understand the same things.
package resolve

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/opencx-tools/cxi/api"
)

// Kind is what the text was understood as.
type Kind int

// What text can be.
const (
	KindID Kind = iota
	KindTicket
	KindEmail
	KindPhone
	KindName
)

// String names the kind for the UI: "email → the queue, local history…".
func (k Kind) String() string {
	switch k {
	case KindID:
		return "session ID"
	case KindTicket:
		return "ticket"
	case KindEmail:
		return "email"
	case KindPhone:
		return "phone number"
	}
	return "name"
}

// Query is classified text.
type Query struct {
	Kind  Kind
	Value string // the ID (lower case), the ticket reference without '#', or the text
}

var (
	emailPattern = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)
	// A ticket reference is one token with a digit in it: #1234, ZD-884213,
	// 00012345, CH0f3…, cnv_9x. Helpdesks format them freely.
	ticketPattern = regexp.MustCompile(`^#?[A-Za-z0-9][A-Za-z0-9_\-]*$`)
)

// Classify says what text is. It fails only for text that cannot be
// searched for: empty, or a UUID-shaped value the contract rejects.
func Classify(text string) (Query, error) {
	t := strings.TrimSpace(text)
	id, err := api.ParseSessionID(t)
	if err == nil {
		return Query{Kind: KindID, Value: id}, nil
	}
	var idErr *api.IDError
	if t == "" || (asIDError(err, &idErr) && idErr.Candidate()) {
		return Query{}, err
	}
	switch {
	case emailPattern.MatchString(t):
		return Query{Kind: KindEmail, Value: t}, nil
	case isPhone(t):
		return Query{Kind: KindPhone, Value: t}, nil
	case strings.HasPrefix(t, "#") && len(t) > 1 && ticketPattern.MatchString(t):
		return Query{Kind: KindTicket, Value: t[1:]}, nil
	case ticketPattern.MatchString(t) && strings.ContainsAny(t, "0123456789"):
		return Query{Kind: KindTicket, Value: t}, nil
	}
	return Query{Kind: KindName, Value: t}, nil
}

// isPhone accepts +, digits, spaces, dots, dashes and parentheses with at
// least seven digits: "+1 (415) 555-0134". Bare digits count as a phone
// number only from nine on: shorter ones are ticket numbers (00012345).
func isPhone(s string) bool {
	digits, marks := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune("+ ().-", r):
			marks++
		default:
			return false
		}
	}
	if marks == 0 {
		return digits >= 9
	}
	return digits >= 7
}

func asIDError(err error, target **api.IDError) bool {
	e, ok := err.(*api.IDError)
	if ok {
		*target = e
	}
	return ok
}
