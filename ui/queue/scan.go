package queue

import (
	"runtime"
	"strings"
	"sync"
)

// defaultSplitAt is how many candidate rows make a scan worth splitting
// across two cores: below it, starting a goroutine costs more than it
// saves. A test lowers it (Model.splitAt) to check the halves on a few
// rows.
const defaultSplitAt = 16384

// split reports whether a scan of n rows runs in two halves.
func (m *Model) split(n int) bool {
	at := m.splitAt
	if at == 0 {
		at = defaultSplitAt
	}
	return n >= at && runtime.GOMAXPROCS(0) >= 2
}

// keptSplit is keptRows, its candidates split in halves scanned side by
// side when there are many and a second core: a keystroke whose word
// every row holds reads every row's text, and that read is the cost.
// Each half keeps its rows in order, the second appended to the first.
func keptSplit[T int | int32](m *Model, dst []int, cand []T, words []wordNeed) []int {
	if !m.split(len(cand)) {
		return keptRows(m, dst, cand, words)
	}
	half, room := len(cand)/2, cap(dst)/2
	var second []int
	var wg sync.WaitGroup
	wg.Go(func() { second = keptRows(m, make([]int, 0, room), cand[half:], words) })
	dst = keptRows(m, dst, cand[:half], words)
	wg.Wait()
	return append(dst, second...)
}

// keptRows appends to dst the rows of cand (indices into m.rows) that the
// local filters keep, in cand's order: each word of words in one of the
// row's cells, then the other local filters when one is on. It is
// holds and keepsAt written out in one loop over the rows' signatures,
// with no call per row: a keystroke over 100,000 rows runs it.
func keptRows[T int | int32](m *Model, dst []int, cand []T, words []wordNeed) []int {
	sigs, rows := m.sigs, m.rows
	others := m.team.on || m.reason.on || m.changed || m.flag.on
rows:
	for _, c := range cand {
		i := int(c)
		s := &sigs[i]
		for w := range words {
			need := &words[w]
			if k := int(s.kind); k < len(need.kinds) {
				if need.kinds[k] {
					continue
				}
			} else if strings.Contains(rows[i].words, need.word) { // a kind first seen since the text was made
				continue
			}
			if s.bytes&need.bytes != need.bytes || s.pairs[0]&need.pairs[0] != need.pairs[0] || s.pairs[1]&need.pairs[1] != need.pairs[1] {
				continue rows
			}
			if !need.exact && !strings.Contains(s.filtered(), need.word) {
				continue rows
			}
		}
		if others && !m.keepsOthers(i) {
			continue
		}
		dst = append(dst, i)
	}
	return dst
}

// keptAll is keptRows over every row, in the rows' order: in two halves
// side by side, as keptSplit, when there are many.
func keptAll(m *Model, dst []int, words []wordNeed) []int {
	n := len(m.rows)
	if !m.split(n) {
		return keptFrom(m, dst, 0, n, words)
	}
	room := cap(dst) / 2
	var second []int
	var wg sync.WaitGroup
	wg.Go(func() { second = keptFrom(m, make([]int, 0, room), n/2, n, words) })
	dst = keptFrom(m, dst, 0, n/2, words)
	wg.Wait()
	return append(dst, second...)
}

// keptFrom is keptRows over the rows from index lo to hi.
func keptFrom(m *Model, dst []int, lo, hi int, words []wordNeed) []int {
	var block [256]int
	for start := lo; start < hi; start += len(block) {
		b := block[:min(len(block), hi-start)]
		for k := range b {
			b[k] = start + k
		}
		dst = keptRows(m, dst, b, words)
	}
	return dst
}

// unknownWords is the words of m not among old's: a row shown under old
// holds those already, so narrowing from old tries only the others.
func (m *textMatch) unknownWords(old *textMatch) []wordNeed {
	var out []wordNeed
	for _, w := range m.words {
		if !old.hasWord(w.word) {
			out = append(out, w)
		}
	}
	return out
}

func (m *textMatch) hasWord(word string) bool {
	for _, w := range m.words {
		if w.word == word {
			return true
		}
	}
	return false
}

// keptCap is the room to make for the rows of cand (every row when cand
// is nil) that words keep: a guess from a sample of their signatures, so
// that a text few rows hold does not make a view as long as all rows
// (the collector's work grows with what is made), and one that most hold
// does not grow its view again and again.
func keptCap[T int | int32](m *Model, cand []T, words []wordNeed) int {
	n := len(cand)
	if cand == nil {
		n = len(m.rows)
	}
	const sample = 256
	if n <= 4*sample || len(words) == 0 {
		return n
	}
	may := 0
	for k := range sample {
		i := k * n / sample
		if cand != nil {
			i = int(cand[i])
		}
		if mayKeep(&m.sigs[i], words) {
			may++
		}
	}
	return min(n, may*n/sample*5/4+1024)
}

// mayKeep reports whether a row with signature s may hold every word, as
// far as the signature tells.
func mayKeep(s *rowSig, words []wordNeed) bool {
	for w := range words {
		need := &words[w]
		if k := int(s.kind); k < len(need.kinds) && need.kinds[k] {
			continue
		}
		if s.bytes&need.bytes != need.bytes || s.pairs[0]&need.pairs[0] != need.pairs[0] || s.pairs[1]&need.pairs[1] != need.pairs[1] {
			return false
		}
	}
	return true
}
