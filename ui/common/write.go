package common

import (
	"context"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/change"
	"github.com/opencx-tools/cxi/api/store"
)

// WriteEvent is what a status change or a redaction under way means for
// the views that show the sessions it touches. The write actions return
// it; the root hands it to the queue, the detail pane and the transcript.
// It lives here, not with the write actions, so that the views learn a
// write's news without importing another view (views are leaves).
type WriteEvent struct {
	// Saving is sessions to show at once with their new status,
	// "saving…". It is handed over: a view may keep the map as its own
	// (the queue does, rather than copy a month's batch in Update), so
	// the sender keeps no hold on it.
	Saving   map[string]api.Status
	Settled  []string     // sessions whose saving is over (confirmed or not)
	Fresh    *api.Session // a confirmed copy
	Failed   []string     // at the end: the sessions to keep selected for a retry
	Finished bool
	Redacted string // a session whose messages were redacted: its transcript reloads
}

// WriteSettings are how the write actions are set up for a run. They
// live here, beside WriteEvent, so that what builds the root (the tui
// command) sets writes up without importing a view.
type WriteSettings struct {
	ReadOnly string // why nothing may be sent ("--read-only"); "" when writes are allowed
	// Helpdesk and Summary are the menu's two options as config.toml
	// remembers them; Save writes them back when the user changes them
	// (nil: not remembered).
	Helpdesk, Summary bool
	Save              func(helpdesk, summary bool) error
	Audit             Auditor       // where every write is recorded; nil records nothing
	Erase             change.Eraser // the copy a redaction erases too; nil keeps none
	// Org is the profile the writes go to, named in every confirmation
	// ("Close 3 sessions in acme"); "" when the config names no profiles.
	Org string
}

// Auditor records a write after its answer: the local store's audit log.
type Auditor interface {
	Audit(ctx context.Context, e store.AuditEntry) error
}
