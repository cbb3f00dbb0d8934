// Package plural puts a count with its noun so that they agree: "1 page",
// "2 pages". The commands, the paging guard and the resolver's account of
// a search all print counts, and "1 pages" reads as a bug.
package plural

import "strconv"

// Count is n and noun, with an s when n is not 1. Only for nouns whose
// plural takes a plain s (page, session, item, check, warning).
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
