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

// readKept is what the store st gives the UI at start: itself, for every
// view to keep and read in its commands, the last sync, the command
// line's history, and the queue's first screen under filters f, shown at
// once; what opening it had to say (notices); and, when on (the store is
// meant to be kept) but st is nil, why nothing is kept this run.
func readKept(st *store.Store, notices []string, on bool, f filter.Filters, now time.Time, rows int) kept {
	k := kept{st: st, notices: notices}
	if st == nil {
		if on {
			// The notice fades; what it means lasts the whole run.
			k.unkept = "the store could not be opened (cxi store says why)"
		}
		return k
	}
	ctx := context.Background()
	k.lastSync, _ = st.Sync(ctx, filter.SyncKey)
	k.cached = firstScreen(ctx, st, f, now, rows)
	k.history, _ = st.CommandHistory(ctx) // none to walk back through is no reason not to start
	return k
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
