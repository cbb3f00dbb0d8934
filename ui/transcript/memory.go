package transcript

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
)

// Memory is what the transcript needs of the local store: it keeps the
// history read so far, and answers with it when the API cannot be reached.
type Memory interface {
	SaveHistory(ctx context.Context, id string, events []api.Event, complete bool, at time.Time) error
	History(ctx context.Context, id string) ([]api.Event, time.Time, bool, bool, error)
}

// WithMemory gives the transcript the local store.
func (m Model) WithMemory(mem Memory) Model { m.mem = mem; return m }

// keep writes the history read so far to the store, in a command. It is
// called when paging pauses or ends, not on every page of a walk to the
// end (G), each of which would write everything read so far again.
func (m Model) keep() tea.Cmd {
	if m.mem == nil || m.offlineAt != (time.Time{}) {
		return nil
	}
	mem, id, events, complete, at := m.mem, m.sessionID, append([]api.Event(nil), m.events...), m.end && m.halt == nil, m.now
	return func() tea.Msg {
		if err := mem.SaveHistory(context.Background(), id, events, complete, at); err != nil {
			return nil
		}
		return KeptMsg{ID: id}
	}
}

// KeptMsg says the history read so far of session ID is in the store:
// what reads it there (the integrity flags' no-reply rule) may look again.
type KeptMsg struct{ ID string }

func (KeptMsg) transcriptMsg() {}

// recalledMsg is the kept history, for a transcript the API could not give.
type recalledMsg struct {
	req      page
	events   []api.Event
	at       time.Time
	complete bool // every page was read when it was kept
}

func (recalledMsg) transcriptMsg() {}

// Current is the message at the top of the screen, the one an action on
// "the message under the cursor" takes; nil when there is none (or when
// the transcript is not in view: inView false).
func (m Model) Current(inView bool) *api.Event {
	if !inView {
		return nil
	}
	line := 0 // the line an event starts on, as relayout joins them
	for i, r := range m.rendered {
		if i > 0 {
			line += strings.Count(separator(m.rendered[i-1], r), "\n")
		}
		last := line + strings.Count(r, "\n")
		if last >= m.viewport.YOffset && isMessage(&m.events[i]) {
			return &m.events[i]
		}
		line = last
	}
	return nil
}

// Acted reloads the history when an action changed it (a redaction), so
// that it shows what the API now returns.
func (m Model) Acted(redacted string) (Model, tea.Cmd) {
	if redacted == "" || redacted != m.sessionID || !m.started {
		return m, nil
	}
	m = m.Stop()
	fresh := New(m.theme, m.keys, m.historian, m.sessionID, m.now).WithMemory(m.mem).SetSize(m.width, m.height)
	return fresh.Start()
}
