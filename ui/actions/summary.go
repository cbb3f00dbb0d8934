package actions

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/ui/render"
)

// Busy is the status line while a batch runs: "Closing 12 of 40", the
// countdown of a 429's wait, or, once esc stopped it, the answer it still
// waits for ("" when none runs).
func (m Model) Busy() string {
	b := m.run
	if b == nil {
		return ""
	}
	switch {
	case b.retry != none:
		left := max(b.retryAt.Sub(b.now), 0)
		left = (left + time.Second - 1).Truncate(time.Second) // a countdown rounds up
		// The status line adds the key that stops it.
		return fmt.Sprintf("Rate limited (HTTP 429): sending %s once more in %s", api.ShortID(b.targets.ID(b.retry)), render.Duration(left))
	case b.stopped != "" && b.out != none:
		return "Stopping: nothing more is sent; waiting for the answer about " + api.ShortID(b.targets.ID(b.out))
	}
	v := verb(b.change.Status)
	if b.undo {
		v = "Undoing"
	}
	at := fmt.Sprintf("%s %d of %d", v, min(b.done+1, b.total), b.total)
	if b.total < 2 {
		return at
	}
	// bubbles' progress bar, drawn as it stands: the batch moves it, not
	// an animation.
	bar := progress.New(progress.WithWidth(20), progress.WithoutPercentage())
	return bar.ViewAs(float64(b.done)/float64(b.total)) + " " + at
}

// summary is the status line at the end, each outcome counted in cxi
// close's words: "38 closed · 2 already resolved, left alone · 1 not found
// · 1 failed (HTTP 500) · stopped with esc (2 sessions not sent)". A batch
// of one says its failure as a sentence.
func summary(b *batch) string {
	if b.total == 1 && b.reason != "" {
		if w := b.left.words(); w != "" {
			return b.reason + " · " + w
		}
		return b.reason
	}
	word := change.Done(b.change.Status)
	if b.undo {
		word = plural.Form(b.ok, "put back as it was", "put back as they were")
	}
	var parts []string
	if b.ok > 0 || len(b.outcome) == 0 {
		parts = append(parts, fmt.Sprintf("%d %s", b.ok, word))
	}
	if w := b.left.words(); w != "" {
		parts = append(parts, w) // the confirmation said it; so do the summary and the undo
	}
	var order []string
	n := map[string]int{}
	for _, w := range b.outcome {
		if n[w] == 0 {
			order = append(order, w)
		}
		n[w]++
	}
	for _, w := range order {
		parts = append(parts, fmt.Sprintf("%d %s", n[w], w))
	}
	if b.stopped != "" && b.notSent > 0 {
		parts = append(parts, "stopped "+b.stopped+" ("+plural.Count(b.notSent, "session")+" not sent)")
	}
	if len(b.failed) > 0 {
		parts = append(parts, "the ones that failed stay selected")
	}
	return strings.Join(parts, " · ")
}
