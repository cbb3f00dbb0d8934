package api

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// sessionIDPattern is the contract's UUID pattern: versions 1–8 with the RFC
// variant, plus the nil and max UUIDs.
var sessionIDPattern = regexp.MustCompile(`^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$`)

// uuidShape finds anything shaped like a UUID, so that a candidate the
// contract rejects (a version 0 UUID, say) gets a precise error rather than
// "no ID found".
var uuidShape = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// ErrNoSessionID is returned by ParseSessionID when the text holds nothing
// shaped like a UUID.
var ErrNoSessionID = errors.New("no session ID found")

// IDError explains why text was not accepted as a session ID.
type IDError struct {
	Input    string // the text as given (not sanitized: the UI does that)
	Reason   string
	Rejected string // a UUID-shaped candidate the contract refused, if any
}

// Candidate reports whether the text held something UUID-shaped, i.e. the
// user meant an ID and got it wrong, rather than typing other text.
func (e *IDError) Candidate() bool { return e.Rejected != "" }

func (e *IDError) Error() string { return "not a session ID: " + e.Reason }

// Is lets callers match any IDError against ErrNoSessionID's family with errors.Is.
func (e *IDError) Is(target error) bool { return target == ErrNoSessionID }

// ParseSessionID finds a contract-valid session ID in any text: a bare UUID,
// a dashboard URL, a log line, "id=…". The first valid one wins; it is
// returned in lower case, the canonical form (RFC 9562). A UUID-shaped
// candidate glued to more hex digits is not taken, since it is part of a
// longer token.
func ParseSessionID(text string) (string, error) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return "", &IDError{Input: text, Reason: "the input is empty"}
	}
	var rejected string
	for _, loc := range uuidShape.FindAllStringIndex(trimmed, -1) {
		if gluedToHex(trimmed, loc[0], loc[1]) {
			continue
		}
		candidate := trimmed[loc[0]:loc[1]]
		// Match the lower-case form: UUIDs are case-insensitive, but the
		// contract's pattern spells the max UUID in lower case only.
		if lower := strings.ToLower(candidate); sessionIDPattern.MatchString(lower) {
			return lower, nil
		}
		if rejected == "" {
			rejected = candidate
		}
	}
	if rejected != "" {
		return "", &IDError{Input: text, Reason: rejectReason(rejected), Rejected: rejected}
	}
	return "", &IDError{Input: text, Reason: "no UUID in the input"}
}

// rejectReason says what is wrong with a UUID-shaped candidate the pattern
// refused: its version (the digit after the second dash) or its variant
// (the digit after the third).
func rejectReason(candidate string) string {
	lower := strings.ToLower(candidate)
	if v := lower[14]; v < '1' || v > '8' {
		return fmt.Sprintf("%s is a version %c UUID; session IDs are versions 1–8", candidate, v)
	}
	return fmt.Sprintf("%s has the wrong variant (%c where a session ID has 8, 9, a or b)", candidate, lower[19])
}

func gluedToHex(s string, start, end int) bool {
	isHex := func(b byte) bool {
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')
	}
	return (start > 0 && isHex(s[start-1])) || (end < len(s) && isHex(s[end]))
}

// ShortID abbreviates a session ID to its first block, as people say them aloud.
func ShortID(id string) string {
	if i := strings.IndexByte(id, '-'); i > 0 {
		return id[:i]
	}
	return id
}
