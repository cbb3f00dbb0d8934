// Package plural puts a count with its noun so that they agree: "1 page",
// "2 pages". The commands, the paging guard and the resolver's account of
// a search all print counts, and "1 pages" reads as a bug.
package plural

import "strconv"

// Count is n and noun, with an s when n is not 1. Only for nouns whose
// plural takes a plain s (page, session, item, check, warning).
func Count(n int, noun string) string { return CountAs(n, noun, noun+"s") }

// CountAs is n with its noun, singular for exactly one, plural otherwise:
// CountAs(2, "match", "matches") is "2 matches".
func CountAs(n int, singular, plural string) string {
	return strconv.Itoa(n) + " " + Form(n, singular, plural)
}

// Form is the word, a noun or a verb, that agrees with n:
// Form(1, "matches", "match") is "matches".
func Form(n int, singular, plural string) string {
	if n == 1 {
		return singular
	}
	return plural
}
