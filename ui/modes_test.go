package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/common"
)

func header(m Model) string { return strings.Split(m.View(), "\n")[0] }

// TestReadOnlyIsABadge: a read-only run says so in the header of every
// view, at 80 and at 60 columns; a run that writes shows no badge.
func TestReadOnlyIsABadge(t *testing.T) {
	readOnly := func(o *Options) { o.Acting = common.WriteSettings{ReadOnly: "--read-only"} }
	m := startedModel(t, &stubClient{sessions: stubSessions(3)}, readOnly)
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 60, Height: 20}} {
		m = send(m, size)
		for _, keys := range [][]string{nil, {"enter"}, {"t"}} {
			m = press(m, keys...)
			if h := header(m); !strings.Contains(h, "cxi read-only") {
				t.Errorf("%dx%d, view %v: no read-only badge: %q", size.Width, size.Height, m.view, h)
			}
		}
		m = press(m, "esc", "esc")
	}
	if h := header(startedModel(t, &stubClient{sessions: stubSessions(3)})); strings.Contains(h, "read-only") || strings.Contains(h, "offline") {
		t.Errorf("a run that writes, online, shows a badge: %q", h)
	}
}

// TestOfflineIsABadgeAndTheWriteKeysSayWhy: with the API out of reach the
// header says offline in the queue, the pane and the transcript the store
// gave; S and X say why nothing can be sent instead of opening a menu
// whose confirmation could only fail. Read-only, when both, says its own.
func TestOfflineIsABadgeAndTheWriteKeysSayWhy(t *testing.T) {
	st := openStore(t, t.TempDir())
	client := &stubClient{sessions: stubSessions(3)}
	m := restart(t, client, st)
	m = start(m)
	m = press(m, "enter", "t", "esc", "esc")
	if h := header(m); strings.Contains(h, "offline") {
		t.Fatalf("online, the header says offline: %q", h)
	}

	m = restart(t, unreachable{client}, st)
	m = send(start(m), tea.WindowSizeMsg{Width: 60, Height: 20})
	const why = "Offline: nothing can be sent. r tries the API again."
	for _, step := range []struct {
		keys  []string
		write string
	}{{nil, "S"}, {[]string{"enter"}, "S"}, {nil, "X"}, {[]string{"t"}, "X"}, {nil, "S"}} {
		m = press(m, step.keys...)
		if h := header(m); !strings.Contains(h, "offline") {
			t.Errorf("view %v offline: no badge in %q", m.view, h)
		}
		m = press(m, step.write)
		if !m.overlays.Empty() || !strings.Contains(m.View(), why) {
			t.Errorf("view %v offline: %s opened %T, or did not say why:\n%s", m.view, step.write, m.overlays.Top(), m.View())
		}
	}

	readOnly := func(o *Options) { o.Acting = common.WriteSettings{ReadOnly: "--read-only"} }
	// What the store kept of the queue, as cxi reads it at start.
	cached, err := st.Sessions(context.Background(), filter.Filters{}.Query(testNow, 500))
	if err != nil || len(cached) == 0 {
		t.Fatalf("the store kept %d sessions of the queue: %v", len(cached), err)
	}
	m = newTestModel(t, unreachable{client}, readOnly, func(o *Options) { o.Memory, o.Cached, o.LastSync = st, cached, testNow })
	m = press(start(m), "S")
	if v := m.View(); !strings.Contains(header(m), "read-only offline") || !strings.Contains(v, "Read-only (--read-only)") {
		t.Errorf("read-only and offline: the badges, or read-only's own reason, are missing:\n%s", v)
	}
}

// start is the first Update's start, run to its end.
func start(m Model) Model {
	next, cmd := m.Update(startMsg{})
	return drain(next.(Model), cmd)
}
