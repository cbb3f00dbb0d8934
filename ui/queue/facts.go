package queue

import (
	"iter"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
)

// Facts are what the loaded sessions say of the shift (the header's
// pulse), one per row, from the rows alone: counting them decodes
// nothing. Read them in Update: the sequence walks the rows as they are.
func (m Model) Facts() iter.Seq[common.Fact] {
	rows := m.rows
	return func(yield func(common.Fact) bool) {
		for _, r := range rows {
			f := common.Fact{Status: r.rawStatus, HandedOff: r.handedOff, Angry: r.sentiment == string(api.SentimentAngry), Created: r.created.time()}
			if !yield(f) {
				return
			}
		}
	}
}
