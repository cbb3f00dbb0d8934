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

// attentionOrder sorts indices into rows by need of attention; ties keep
// the API's order, so the list does not shuffle between refreshes.
func attentionOrder(rows []*row, idx []int) {
	slices.SortStableFunc(idx, func(a, b int) int {
		ra, rb := rows[a], rows[b]
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
		return cmp.Compare(ra.updated, rb.updated)
	})
}

// newestFirst puts rows in the list endpoint's order, newest activity
// first; rows of equal times keep their order. The caller reindexes.
func newestFirst(rows []*row) {
	slices.SortStableFunc(rows, func(a, b *row) int {
		return cmp.Compare(b.updated, a.updated)
	})
}
