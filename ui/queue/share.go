package queue

import "strings"

// inSearch returns v as the field of search that holds the same text, so
// that a row keeps one copy of a cell the filter also reads (an email
// shown as the contact, a ticket number), or v itself when no field does
// (a name in mixed case: search holds it in lower case). Done once per
// row, when it is made: a few fields of tens of bytes.
func inSearch(search, v string) string {
	if v == "" {
		return v
	}
	for rest := search; rest != ""; {
		var field string
		field, rest, _ = strings.Cut(rest, "\x00")
		if field == v {
			return field
		}
	}
	return v
}
