package tui

import (
	"context"
	"time"

	"golang.org/x/term"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
)

// fallbackScreenRows is the first screen's rows when the terminal's
// height cannot be asked: taller than most terminals.
const fallbackScreenRows = 60

// keptSessions is what the first frame needs of the store.
type keptSessions interface {
	Sessions(ctx context.Context, q store.Query) ([]api.Session, error)
}

// firstScreen is the kept sessions the queue's first frame shows: no more
// than the terminal has lines, as every row takes one. Decoding them is
// most of what the store costs the first frame, so the rest of those the
// queue starts with (queue.KeptAtStart) is read after it, by the queue.
func firstScreen(ctx context.Context, st keptSessions, f filter.Filters, now time.Time, rows int) []api.Session {
	kept, _ := st.Sessions(ctx, f.Query(now, rows)) // the store is a help: without it the API's page comes
	return kept
}

// screenRows is the terminal's height, in lines, when stdout is one.
func screenRows(env command.Env) int {
	if f, ok := env.Stdout.(interface{ Fd() uintptr }); ok && env.StdoutTTY {
		if _, h, err := term.GetSize(int(f.Fd())); err == nil && h > 0 {
			return h
		}
	}
	return fallbackScreenRows
}
