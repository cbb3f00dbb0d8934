package queue

import (
	"strings"
	"unsafe"
)

// The text filter matches words, as fzf and gh-dash do: the typed text is
// split on white space, and a row shows when each word is in one of its
// cells (its kind's: status, sentiment, channel, team, handoff; or its
// own: ID, contact, ticket, email, phone, name). "whatsapp ana" finds
// Ana's WhatsApp sessions, though no one cell holds both words; a phrase
// within one cell still matches, as each of its words is in that cell.
//
// A word holds no white space, so in the kind's cells joined by spaces
// (rowKind.words) or the row's joined by NULs (row.search, which a word
// cannot hold: SetText drops them) it is found only inside one cell.

// normalText is the filter's text as typed: lower case, without the NULs
// that end the rows' fields (none can be typed) or the spaces around it.
func normalText(text string) string {
	return strings.ToLower(strings.TrimSpace(strings.ReplaceAll(text, "\x00", "")))
}

// textMatch is a filter text made ready to try against rows: its words,
// each with what a row must hold to hold it.
type textMatch struct {
	text  string // what it was made from, normalText's
	words []wordNeed
}

// wordNeed is one word of the text and what cheaply rules a row out.
type wordNeed struct {
	word  string
	bytes byteSet // a row whose text lacks one of these bytes lacks the word
	pairs pairSet // likewise its pairs of bytes
	// exact: the word is one ASCII letter or digit, which has a bit of
	// its own in a byteSet: the bit answers, with no text read.
	exact bool
	kinds []bool // per kind (kindTable.all), whether the kind's cells hold the word
}

// newTextMatch makes text's words ready, asking each kind known once per
// word rather than each row.
func newTextMatch(kinds *kindTable, text string) textMatch {
	m := textMatch{text: text}
	for _, w := range strings.Fields(text) {
		m.words = append(m.words, wordNeed{
			word:  w,
			bytes: byteSetOf(w),
			pairs: pairSetOf(w),
			exact: len(w) == 1 && exactByte(w[0]),
			kinds: kinds.matching(w),
		})
	}
	return m
}

// holds reports whether row i, with its signature s, holds every word.
// The row itself is read only when its kind does not hold a word and its
// signature cannot rule the word out: most rows are answered from s, which
// sits with the other rows' in one dense array.
func (m *textMatch) holds(s *rowSig, rows []*row, i int) bool {
	for w := range m.words {
		need := &m.words[w]
		if k := int(s.kind); k < len(need.kinds) {
			if need.kinds[k] {
				continue
			}
		} else if strings.Contains(rows[i].words, need.word) { // a kind first seen since the text was made
			continue
		}
		if !s.bytes.mayHold(need.bytes) || !s.pairs.mayHold(need.pairs) {
			return false
		}
		if need.exact {
			continue
		}
		if !strings.Contains(s.filtered(), need.word) {
			return false
		}
	}
	return true
}

// holdsRow is holds for a row on its own, with no signature kept: for a
// count that makes its rows once (CountKept).
func (m *textMatch) holdsRow(r *row) bool {
	for _, need := range m.words {
		if !strings.Contains(r.words, need.word) && !strings.Contains(r.search[:r.filterEnd], need.word) {
			return false
		}
	}
	return true
}

// narrows reports whether every row m holds is held by old, so that m's
// rows can be looked for among old's alone: it is so when each word of
// old is inside a word of m. A row holding m's word v in a cell holds
// every part of v in that cell, so it holds each old word u ⊆ v.
//
// Typing on is such a case: when the new text contains the old one, each
// old word is a run of non-space characters inside the new text, so
// inside one of its words (a maximal such run). It is checked word by
// word here rather than assumed from the texts: a byte cut from the
// middle of a character (the new text's no-break space, say) would be a
// word in the old text and a space in the new.
func (m *textMatch) narrows(old *textMatch) bool {
	for _, u := range old.words {
		inside := false
		for _, v := range m.words {
			if strings.Contains(v.word, u.word) {
				inside = true
				break
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// rowSig is what the text filter reads of a row, kept in the Model's
// sigs beside rows (same index) so that a keystroke walks one dense array
// rather than following a pointer per row to the row and another to its
// text: 40 bytes a row.
type rowSig struct {
	bytes byteSet // row.bytes
	pairs pairSet // the pairs of bytes of the row's filtered text
	// text and end are the row's filtered text, row.search[:filterEnd],
	// as a string's data and length: a string is 16 bytes, and its length
	// fits in 4 of them beside the kind's.
	text *byte
	end  uint32
	kind uint32 // row.idx
}

func sigOf(r *row) rowSig {
	filtered := r.search[:r.filterEnd]
	return rowSig{bytes: r.bytes, pairs: pairSetOf(filtered), text: unsafe.StringData(filtered), end: uint32(len(filtered)), kind: uint32(r.idx)}
}

// filtered is the row's text the filter reads (row.search[:filterEnd]),
// sharing its bytes, which a row never changes.
func (s *rowSig) filtered() string { return unsafe.String(s.text, s.end) }

// pairSet is which pairs of adjacent bytes a text holds, hashed onto 128
// bits: for a word of two bytes or more, a row lacking one of its pairs'
// bits lacks the word, whatever its single bytes say ("er" in a row with
// an e and an r apart).
type pairSet [2]uint64

func pairBit(a, b byte) (word int, bit uint64) {
	h := (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 // Fibonacci hashing: the top bits mix both bytes
	h >>= 25
	return int(h >> 6), 1 << (h & 63)
}

func pairSetOf(s string) pairSet {
	var set pairSet
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0 || s[i+1] == 0 {
			continue // across the end of a field: no word holds it
		}
		w, bit := pairBit(s[i], s[i+1])
		set[w] |= bit
	}
	return set
}

func (set pairSet) mayHold(want pairSet) bool {
	return set[0]&want[0] == want[0] && set[1]&want[1] == want[1]
}

// exactByte reports whether b has a byteSet bit of its own.
func exactByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
