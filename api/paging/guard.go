// Package paging keeps a walk through cursor-paged answers finite: a server
// that repeats a cursor, goes round a cycle of cursors, or keeps sending
// empty pages with a next cursor would otherwise be paged forever, and every
// page spends the rate budget. The queue, the transcript and `cxi list` walk
// pages through one Guard each.
package paging

import (
	"fmt"

	"github.com/opencx-tools/cxi/api/plural"
)

// MaxEmptyRun is how many empty pages in a row, each with a next cursor,
// end a walk: a real list has items on its pages.
const MaxEmptyRun = 5

// Guard follows one walk. The zero Guard is ready; a walk that starts over
// (a new query) takes a new Guard.
type Guard struct {
	seen  map[string]bool
	pages int
	empty int
}

// StopError says why a walk was ended before its last page.
type StopError struct {
	Pages  int  // pages read, the last included
	Repeat bool // the server repeated a cursor (else: too many empty pages)
}

func (e *StopError) Error() string {
	if e.Repeat {
		return "the server repeated a page cursor; stopped after " + plural.Count(e.Pages, "page")
	}
	return fmt.Sprintf("the server sent %d empty pages in a row; stopped after %s", MaxEmptyRun, plural.Count(e.Pages, "page"))
}

// Page records a page that held items and pointed at next ("" at the end),
// and reports whether next may be asked for: nil to go on (or at the end),
// a *StopError to stop.
func (g *Guard) Page(cursor string, items int, next string) error {
	if g.seen == nil {
		g.seen = map[string]bool{}
	}
	g.pages++
	g.seen[cursor] = true
	if items == 0 {
		g.empty++
	} else {
		g.empty = 0
	}
	switch {
	case next == "":
		return nil
	case g.seen[next]:
		return &StopError{Pages: g.pages, Repeat: true}
	case g.empty >= MaxEmptyRun:
		return &StopError{Pages: g.pages}
	}
	return nil
}

// Pages is how many pages the walk has read.
func (g *Guard) Pages() int { return g.pages }
