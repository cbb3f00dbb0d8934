package tui

import (
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui"
)

// kept is what the store gives the UI at start (readKept).
type kept struct {
	st       *store.Store // nil when off or when it could not be opened
	notices  []string     // what opening it had to say
	unkept   string       // why nothing is kept this run, for the header; "" when it is, or the store is off
	lastSync time.Time
	cached   []api.Session // the queue's first screen
	history  []string      // the command line's
}

// into is opts with what the store gave.
func (k kept) into(opts ui.Options) ui.Options {
	opts.Notices, opts.Unkept = k.notices, k.unkept
	if k.st != nil { // a nil *store.Store in the interface would not be a nil Memory
		opts.Memory, opts.Acting.Audit, opts.Acting.Erase = k.st, k.st, k.st
	}
	opts.LastSync, opts.Cached, opts.History = k.lastSync, k.cached, k.history
	return opts
}

// opening is the store being opened, and what the first frame needs read
// from it, in a goroutine openStore starts.
type opening struct {
	done    chan struct{}
	loading string // what the program shows until then
	kept    kept   // set before done is closed
}

// openStore opens the store with open in a goroutine and reads what the
// queue's first screen under filters f needs (readKept). on says the store
// is meant to be kept (not --no-store): one that open cannot give is then
// said to be unkept.
func openStore(open func() (*store.Store, []string), on bool, f filter.Filters, now time.Time, rows int) *opening {
	o := &opening{done: make(chan struct{}), loading: "Starting…"}
	if on {
		o.loading = "Reading the sessions cxi kept…"
	}
	go func() {
		defer close(o.done)
		st, notices := open()
		o.kept = readKept(st, notices, on, f, now, rows)
	}()
	return o
}

// wait is what the store gave, once it is open and read.
func (o *opening) wait() kept {
	<-o.done
	return o.kept
}

// close closes the store, once it is open: a run that ends before still
// waits for it, so that nothing writes to it after.
func (o *opening) close() {
	<-o.done
	_ = o.kept.st.Close()
}
