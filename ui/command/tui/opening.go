package tui

import (
	"time"

	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui"
)

// opening is the store being opened, and the first screen read from it,
// in a goroutine openStore starts: the root model's options, complete once
// done is closed.
type opening struct {
	done    chan struct{}
	loading string       // what the program shows until then
	opts    ui.Options   // set before done is closed
	st      *store.Store // nil when off or when it could not be opened
}

// openStore opens the store with open in a goroutine and fills base's
// store part with what it gives (fromStore). on says the store is meant
// to be kept (not --no-store): one that open cannot give is then said to
// be unkept.
func openStore(base ui.Options, open func() (*store.Store, []string), on bool, now time.Time, rows int) *opening {
	o := &opening{done: make(chan struct{}), loading: "Starting…"}
	if on {
		o.loading = "Reading the sessions cxi kept…"
	}
	go func() {
		defer close(o.done)
		st, notices := open()
		o.st, o.opts = st, fromStore(base, st, notices, on, now, rows)
	}()
	return o
}

// wait is the complete options, once the store is open and read.
func (o *opening) wait() ui.Options {
	<-o.done
	return o.opts
}

// close closes the store, once it is open: a run that ends before still
// waits for it, so that nothing writes to it after.
func (o *opening) close() {
	<-o.done
	_ = o.st.Close()
}
