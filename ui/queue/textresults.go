package queue

// textResults keeps the views of the last few texts typed into the filter,
// so that a backspace back to one of them shows its rows again without
// reading any: typing "er" then taking the r back is two keystrokes over
// the same rows. A result stands while the rows, the other filters and
// the order stay: whatever changes them (rebuild, appended) drops the
// whole set, so the Model holds it by pointer and starts a new one; an
// older copy of the Model keeps the set of its own state.
type textResults struct {
	kept []textResult // oldest first
	size int          // the rows' indices held over all of kept
}

type textResult struct {
	text string
	view []int // never changed once kept: a restored view is taken with its capacity cut
}

// textResultsKept bounds the set: a few texts, and at most twice the rows
// loaded in indices (1.6 MB at 100,000 rows), so that a month's queue does
// not hold a view per keystroke.
const textResultsKept = 6

// find is text's view, if kept.
func (c *textResults) find(text string) ([]int, bool) {
	if c == nil {
		return nil, false
	}
	for i := len(c.kept) - 1; i >= 0; i-- {
		if c.kept[i].text == text {
			v := c.kept[i].view
			return v[:len(v):len(v)], true
		}
	}
	return nil, false
}

// keep records text's view, dropping the oldest results past the bounds;
// rows is how many rows are loaded.
func (c *textResults) keep(text string, view []int, rows int) {
	for i := range c.kept {
		if c.kept[i].text == text {
			c.size -= len(c.kept[i].view)
			c.kept = append(c.kept[:i:i], c.kept[i+1:]...)
			break
		}
	}
	c.kept = append(c.kept, textResult{text: text, view: view[:len(view):len(view)]})
	c.size += len(view)
	for len(c.kept) > 1 && (len(c.kept) > textResultsKept || c.size > 2*rows) {
		c.size -= len(c.kept[0].view)
		c.kept = c.kept[1:]
	}
}
