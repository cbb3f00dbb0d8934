package write

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/styles"
	tui "github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

// entries is an audit log in memory.
type entries []store.AuditEntry

func (e *entries) Audit(_ context.Context, a store.AuditEntry) error { *e = append(*e, a); return nil }

// tuiCtx is what the TUI's models share, with the tests' clock.
func tuiCtx() common.Context {
	return common.Context{Theme: styles.Plain(), Keys: keys.Default(), Now: func() time.Time { return t0 }}
}

// closeInTUI closes sessions with the TUI's batch against w's server and
// returns what its status line said at the end, and what it recorded.
func closeInTUI(t *testing.T, w *world, ids ...string) (string, entries) {
	t.Helper()
	c, err := api.New(w.url, testKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	var log entries
	m := tui.New(tuiCtx(), c, common.WriteSettings{Audit: &log})
	var sessions []api.Session
	for _, id := range ids {
		sessions = append(sessions, api.Session{ID: id, Status: api.StatusOpen})
	}
	m, _, cmd := m.Update(tui.ConfirmedMsg{Change: api.StatusChange{Status: api.StatusClosedResolved}, Sessions: sessions})
	said := ""
	for range 20 {
		var next []tea.Cmd
		for _, msg := range keytest.Run(cmd) {
			switch msg := msg.(type) {
			case tui.Msg:
				var c tea.Cmd
				m, _, c = m.Update(msg)
				next = append(next, c)
			case common.NoticeMsg:
				said = msg.Text
			}
		}
		if cmd = tea.Batch(next...); cmd == nil {
			return said, log
		}
	}
	t.Fatal("the batch did not end")
	return "", nil
}

// TestTheTUIAndCloseSayTheSameWords: the TUI's batch and cxi close call
// one routine (change.SetStatus) and say its words: against the same
// server, for each outcome, the TUI's summary counts what cxi close's
// summary counts, in the same words, and the audit log records the same.
func TestTheTUIAndCloseSayTheSameWords(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(*server)
		ids   []string
		words string // idOpen's, after its ID's first block
		audit bool   // both record the same outcome (cxi close reads first: a 404 there sends nothing)
	}{
		{"the read after the change failed", func(s *server) { s.confirmFault[idOpen] = 500 }, []string{idOther, idOpen},
			"closed as resolved, not confirmed (failed (HTTP 500))", true},
		{"the change failed", func(s *server) { s.writeFault[idOpen] = 500 }, []string{idOther, idOpen}, "failed (HTTP 500)", true},
		{"the read after answered another session", func(s *server) { s.confirmAs[idOpen] = idBroken }, []string{idOther, idOpen},
			"sent, not confirmed (the API answered another session)", true},
		{"the API reads back another status", func(s *server) { s.ignore = true }, []string{idOther, idOpen}, "sent, but the API says open", true},
		{"not found", func(*server) {}, []string{idOther, idMissing}, "not found", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cli := newWorld(t)
			tt.setup(cli.srv)
			out, errOut, _ := cli.run(closeCmd, tt.ids...)
			if want := api.ShortID(tt.ids[1]) + " " + tt.words + "\n"; !strings.HasSuffix(out, want) {
				t.Errorf("cxi close printed %q, want it to end %q", out, want)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			summary := strings.TrimPrefix(lines[len(lines)-1], "cxi: ")

			w := newWorld(t)
			tt.setup(w.srv)
			said, log := closeInTUI(t, w, tt.ids...)
			if !strings.HasPrefix(said, summary+" · ") || !strings.Contains(said, " "+tt.words) {
				t.Errorf("the TUI said %q\ncxi close said %q", said, summary)
			}
			if !tt.audit {
				return
			}
			st, _, err := store.Open(cli.storeOptions())
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			recorded, err := st.AuditLog(context.Background(), time.Time{})
			if err != nil || len(recorded) != len(log) {
				t.Fatalf("cxi close recorded %+v (%v), the TUI %+v", recorded, err, log)
			}
			for i := range log {
				if recorded[i].Outcome != log[i].Outcome || recorded[i].After != log[i].After || recorded[i].Before != log[i].Before {
					t.Errorf("entry %d: cxi close recorded %+v, the TUI %+v", i, recorded[i], log[i])
				}
			}
		})
	}
}
