package detail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/render"

	tea "github.com/charmbracelet/bubbletea"
)

// Memory is what the pane needs of the local store: it keeps what was
// fetched, answers for a session when the API cannot be reached, and
// remembers what the user saw. A nil *store.Store keeps nothing.
type Memory interface {
	SaveSessions(ctx context.Context, sessions []api.Session, at time.Time) error
	Session(ctx context.Context, id string) (*api.Session, time.Time, bool, error)
	Changes(ctx context.Context, sessions []api.Session) (map[string]store.Change, error)
	MarkSeen(ctx context.Context, s api.Session, at time.Time) error
	Marks(ctx context.Context, ids []string) (map[string]store.Mark, error)
	FindText(ctx context.Context, text string) ([]store.Found, error)
	Search(ctx context.Context, words string) ([]store.Found, error)
	CSAT(ctx context.Context, sessionID string) (store.Rating, bool, error)
	SaveCSAT(ctx context.Context, sessionID string, score *api.CSATScore, at time.Time) error
}

// RecalledMsg is what the store said of the session the user just looked
// at: what changed since the last look (told before this look is kept),
// and the user's mark and note.
type RecalledMsg struct {
	ID     string
	Change store.Change
	Mark   store.Mark
}

func (RecalledMsg) detailMsg() {}

// remember is what follows a lookup shown in the pane: a session fetched
// from the API is saved in the store, then recalled; the store's own copy
// only recalled. The save runs here, after the pane has its session, so
// that the user sees it without waiting for the disk; recall still reads
// the store after the save, as the marks compare with the kept session.
func (m Model) remember(msg LoadedMsg) tea.Cmd {
	if m.mem == nil || msg.Session == nil {
		return nil
	}
	then := recall(m.mem, msg.Session, m.now)
	if msg.Offline {
		return then
	}
	mem, s, at := m.mem, *msg.Session, msg.At
	return func() tea.Msg {
		// A failed save is the store's to report (it turns itself off and
		// says so): the session is shown either way.
		_ = mem.SaveSessions(context.Background(), []api.Session{s}, at)
		return then()
	}
}

// recall reads what changed since the user last looked at s, then keeps
// this look, in a command: the store is I/O like the API.
func recall(mem Memory, s *api.Session, now time.Time) tea.Cmd {
	if mem == nil || s == nil {
		return nil
	}
	sess := *s
	return func() tea.Msg {
		ctx := context.Background()
		changes, _ := mem.Changes(ctx, []api.Session{sess})
		_ = mem.MarkSeen(ctx, sess, now)
		marks, _ := mem.Marks(ctx, []string{sess.ID})
		return RecalledMsg{ID: sess.ID, Change: changes[sess.ID], Mark: marks[sess.ID]}
	}
}

// fromMemory is the kept copy of id, for a lookup the API could not answer.
func fromMemory(ctx context.Context, mem Memory, req Request) (LoadedMsg, bool) {
	if mem == nil {
		return LoadedMsg{}, false
	}
	s, at, ok, err := mem.Session(ctx, req.ID)
	if err != nil || !ok {
		return LoadedMsg{}, false
	}
	return LoadedMsg{Req: req, Session: s, At: at, Offline: true}, true
}

// Offline reports whether the session shown is the store's copy because
// the API could not be reached.
func (m Model) Offline() bool { return !m.offlineAt.IsZero() }

// banner is the lines above the panels: offline, what changed since the
// user last looked, their review mark and note.
func (m Model) banner() []string {
	t := m.ctx.Theme
	var out []string
	if m.saving != "" {
		out = append(out, t.Marker.Render("saving… status → "+render.Status(m.saving)))
	}
	if !m.offlineAt.IsZero() {
		out = append(out, t.Marker.Render("offline — as fetched at "+m.offlineAt.Local().Format("15:04")+" (the API cannot be reached)"))
	}
	if s := m.pane.Session(); s != nil {
		out = append(out, m.flagLines(s.ID)...)
	}
	r := m.recalled
	if s := m.pane.Session(); s == nil || r.ID != s.ID {
		return out
	}
	if c := r.Change; len(c.Fields) > 0 {
		out = append(out, t.PanelTitle.Render("Since you last looked")+t.Muted.Render(" ("+render.Age(c.SeenAt, m.now)+")"))
		for _, f := range c.Fields {
			out = append(out, "  "+t.Label.Render(fmt.Sprintf("%-10s", f.Name))+t.Value.Render(render.FieldChange(f.Name, f.Before, f.After)))
		}
	}
	if mk := r.Mark; !mk.ReviewedAt.IsZero() {
		line := t.Marker.Render("✓ reviewed " + render.Age(mk.ReviewedAt, m.now))
		if mk.ChangedSinceReview {
			line += t.Error.Render("  · changed since reviewed")
		}
		out = append(out, line)
	}
	if note := strings.TrimSpace(r.Mark.Note); note != "" {
		out = append(out, t.PanelTitle.Render("Your note")+t.Muted.Render(" ("+render.Age(r.Mark.NoteAt, m.now)+")"))
		for _, l := range strings.Split(note, "\n") {
			out = append(out, "  "+t.Value.Render(render.Line(l)))
		}
	}
	return out
}

// SetMark shows a review mark or note that changed (m, e).
func (m Model) SetMark(id string, mk store.Mark) Model {
	if m.recalled.ID != id {
		return m
	}
	m.recalled.Mark = mk
	m.pane = m.pane.SetBanner(m.banner())
	return m
}

// Acted shows an action on the session in view: "saving…" with the new
// status at once, then the confirmed copy, or the old status back.
func (m Model) Acted(ev common.WriteEvent) Model {
	s := m.pane.Session()
	if s == nil {
		return m
	}
	if st, ok := ev.Saving[s.ID]; ok {
		m.saving = st
	}
	for _, id := range ev.Settled {
		if id == s.ID {
			m.saving = ""
		}
	}
	if ev.Fresh != nil && ev.Fresh.ID == s.ID {
		m.pane = m.pane.Replace(ev.Fresh)
	}
	m.pane = m.pane.SetBanner(m.banner())
	return m
}
