package queue

import (
	"cmp"
	"slices"

	"github.com/opencx-tools/cxi/api"
)

// AttentionRule is the "needs attention" ordering in words, for the help.
const AttentionRule = "handed off & unresolved first, then angry › neutral › happy › none, then longest waiting; cxi reads every open and unresolved session within the other filters (up to 2000) before the order is final"

// needsHuman is true for sessions a person must act on: handed off and
// not closed as resolved.
func needsHuman(s *api.Session) bool {
	return s.HandedOff() && s.Status != api.StatusClosedResolved
}

func sentimentRank(s *api.Session) int {
	if s.Sentiment == nil {
		return 3
	}
	switch *s.Sentiment {
	case api.SentimentAngry:
		return 0
	case api.SentimentNeutral:
		return 1
	case api.SentimentHappy:
		return 2
	}
	return 3
}

// attentionCmp orders row indices by need of attention; ties keep the
// API's order (the rows' order), so the list does not shuffle between
// refreshes. It is a total order: a view sorted by it is the same
// however its rows came, and a page merged into it (mergeOrdered) lands
// where sorting them all would put it.
func (m *Model) attentionCmp(a, b int) int {
	ra, rb := m.rows[a], m.rows[b]
	if ra.needsHuman != rb.needsHuman {
		if ra.needsHuman {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(ra.sentimentRank, rb.sentimentRank); c != 0 {
		return c
	}
	// Longest waiting first: the oldest last activity.
	if c := cmp.Compare(ra.updated, rb.updated); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

func (m *Model) attentionCmp32(a, b int32) int { return m.attentionCmp(int(a), int(b)) }

// sortOrder sorts every row into the needs-attention order, when the
// order kept is not of the rows loaded (reindex dropped it). It sorts
// the rows' keys copied side by side, not the rows: comparing rows would
// follow two pointers per comparison, a million and a half of them for
// 100,000 rows.
func (m *Model) sortOrder() {
	if len(m.order) == len(m.rows) {
		return
	}
	keys := make([]attentionKey, len(m.rows))
	for i, r := range m.rows {
		keys[i] = attentionKey{updated: r.updated, i: int32(i), rank: uint8(r.sentimentRank)}
		if !r.needsHuman {
			keys[i].rank += 4 // after every session a person must act on: sentimentRank is at most 3
		}
	}
	slices.SortFunc(keys, func(a, b attentionKey) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(a.updated, b.updated); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	m.order = make([]int32, len(keys))
	for k := range keys {
		m.order[k] = keys[k].i
	}
}

// attentionKey is what attentionCmp compares of a row, in the same order.
type attentionKey struct {
	updated stamp
	i       int32
	rank    uint8 // needs a human first (0–3), then not (4–7); within each, sentimentRank
}

// mergeOrdered is sorted with fresh merged in, both sorted by cmp, as a
// new slice (an older copy of the model keeps sorted as it was): each of
// fresh is placed by a binary search, and the runs of sorted between
// them are copied whole, so the comparisons follow fresh, not sorted.
// before is how many of fresh land before position at of sorted.
func mergeOrdered[T int | int32](sorted, fresh []T, cmp func(a, b T) int, at int) (merged []T, before int) {
	merged = make([]T, 0, len(sorted)+len(fresh))
	lo := 0
	for _, f := range fresh {
		n, _ := slices.BinarySearchFunc(sorted[lo:], f, cmp)
		merged = append(merged, sorted[lo:lo+n]...)
		lo += n
		if lo <= at {
			before++
		}
		merged = append(merged, f)
	}
	return append(merged, sorted[lo:]...), before
}

// newestFirst puts rows in the list endpoint's order, newest activity
// first; rows of equal times keep their order. The caller reindexes.
func newestFirst(rows []*row) {
	slices.SortStableFunc(rows, func(a, b *row) int {
		return cmp.Compare(b.updated, a.updated)
	})
}
