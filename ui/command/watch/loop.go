package watch

import (
	"context"
	"fmt"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/paging"
	"github.com/opencx-tools/cxi/api/plural"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/explain"
)

// Lister is what `cxi watch` needs from the API client.
type Lister interface {
	ListSessions(ctx context.Context, p api.ListParams) (*api.SessionPage, error)
}

// maxPagesARead bounds one read of what changed: a burst bigger than this
// many pages waits for the next read rather than spending the budget.
const maxPagesARead = 4

// overlap is how far before the previous read a read looks back: clocks
// disagree, and a session printed twice is never printed (the Tracker
// remembers it).
const overlap = time.Minute

type watcher struct {
	client  Lister
	tracker *watch.Tracker
	env     command.Env
	wait    func(ctx context.Context, until time.Time) error
	every   time.Duration
	asJSON  bool
	scope   scope // the sessions followed: a view's, or all
}

// run reads until ctx is done, then returns ExitOK. The first read's
// failure is the command's (a wrong key, no API): its exit code. A later
// one that may pass (a 429, the network, a 5xx) is said on stderr and the
// next read tries again; one that will not (the key rejected) ends it.
func (w watcher) run(ctx context.Context, all bool) int {
	at := w.env.Now()
	page, err := w.client.ListSessions(api.Background(ctx), w.scope.params(at))
	if ctx.Err() != nil {
		return command.ExitOK
	}
	if err != nil {
		return command.Fail(w.env, described{err}, "")
	}
	if code, ok := w.print(w.tracker.Observe(w.scope.keep(page.Items, at), all), at); !ok {
		return code
	}
	since := at
	for {
		if err := w.wait(ctx, w.env.Now().Add(w.every)); err != nil || ctx.Err() != nil {
			return command.ExitOK
		}
		at := w.env.Now()
		items, err := w.changed(ctx, since.Add(-overlap))
		if ctx.Err() != nil {
			return command.ExitOK
		}
		if code, ok := w.print(w.tracker.Observe(w.scope.keep(items, at), true), at); !ok {
			return code
		}
		if err != nil {
			if !transient(err) {
				return command.Fail(w.env, described{err}, "")
			}
			fmt.Fprintln(w.env.Stderr, "cxi: "+described{err}.Error()+" (trying again in "+w.every.String()+")")
			continue // since stays: the next read covers this one's time too
		}
		since = at
	}
}

// changed reads every session updated after since, a few pages at most,
// as background work: it never takes a place a request the user waits
// for needs. What it read before an error is returned with it.
func (w watcher) changed(ctx context.Context, since time.Time) ([]api.Session, error) {
	p := api.ListParams{UpdatedAfter: since}
	var guard paging.Guard
	var items []api.Session
	for range maxPagesARead {
		page, err := w.client.ListSessions(api.Background(ctx), p)
		if err != nil {
			return items, err
		}
		items = append(items, page.Items...)
		if n := len(page.Skipped); n > 0 {
			fmt.Fprintf(w.env.Stderr, "cxi: skipped %s that could not be read\n", plural.Count(n, "item"))
		}
		if page.Next == "" {
			return items, nil
		}
		if err := guard.Page(p.Cursor, len(page.Items), page.Next); err != nil {
			fmt.Fprintln(w.env.Stderr, "cxi: "+err.Error())
			return items, nil
		}
		p.Cursor = page.Next
	}
	return items, nil
}

// transient reports an error that the next read may not meet.
func transient(err error) bool {
	switch api.KindOf(err) {
	case api.KindRateLimited, api.KindServer, api.KindNotJSON, api.KindTimeout, api.KindUnreachable, api.KindDropped:
		return true
	}
	return false
}

// print prints matches; false with the exit code when stdout fails (the
// reader of a pipe went away).
func (w watcher) print(ms []watch.Match, at time.Time) (int, bool) {
	for _, m := range ms {
		line, err := format(m, at, w.asJSON)
		if err == nil {
			_, err = fmt.Fprintln(w.env.Stdout, line)
		}
		if err != nil {
			return command.Fail(w.env, fmt.Errorf("print %s: %w", api.ShortID(m.Session.ID), err), ""), false
		}
	}
	return command.ExitOK, true
}

// described is an error as explain words it, keeping the error itself for
// its exit code.
type described struct{ err error }

func (d described) Error() string { return explain.Describe(d.err, "").Line() }

func (d described) Unwrap() error { return d.err }
