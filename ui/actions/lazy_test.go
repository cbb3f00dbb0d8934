package actions

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
)

// decodeCounter is n open sessions that count how many were decoded, from
// any goroutine.
type decodeCounter struct {
	n       int
	decoded atomic.Int64
}

func (d *decodeCounter) Len() int              { return d.n }
func (d *decodeCounter) ID(i int) string       { return fmt.Sprintf("00000000-0000-4000-8000-%012d", i) }
func (d *decodeCounter) Status(int) api.Status { return api.StatusOpen }
func (d *decodeCounter) Session(i int) api.Session {
	d.decoded.Add(1)
	return api.Session{ID: d.ID(i), Status: api.StatusOpen}
}

// TestAHugeSelectionIsDecodedOnlyInCommands: S on 100,000 selected
// sessions decodes the few whose helpdesks the confirmation names; the
// confirmation and the start of the batch decode none in Update; each
// session is decoded by the command that sends its change.
func TestAHugeSelectionIsDecodedOnlyInCommands(t *testing.T) {
	src := &decodeCounter{n: 100000}
	m := New(testCtx(), &statusAPI{status: map[string]api.Status{}}, common.WriteSettings{})
	o, _ := m.Menu(common.NewTargets(src), nil, true)
	if o == nil {
		t.Fatal("no menu")
	}
	o, confirm := keytest.Press(t, o, "1", "h")
	if v := o.View(100, 30); !strings.Contains(strings.Join(strings.Fields(v), " "), "Close 100000 sessions as resolved · also in each session's helpdesk") {
		t.Errorf("the confirmation:\n%s", v)
	}
	if got := src.decoded.Load(); got > previewLimit {
		t.Fatalf("the menu decoded %d sessions, want at most %d", got, previewLimit)
	}
	before := src.decoded.Load()
	_, confirm = keytest.Press(t, o, "enter")
	msgs := keytest.Run(confirm)
	if len(msgs) != 1 {
		t.Fatalf("enter gave %v", msgs)
	}
	m, ev, cmd := m.Update(msgs[0].(ConfirmedMsg))
	if got := src.decoded.Load() - before; got != 0 {
		t.Errorf("confirming decoded %d sessions in Update", got)
	}
	if len(ev.Saving) != savingAtOnce || !m.Running() || !strings.HasSuffix(m.Busy(), "Closing 1 of 100000") {
		t.Errorf("started with %d saving, busy %q", len(ev.Saving), m.Busy())
	}
	for _, msg := range keytest.Run(cmd) {
		if _, ok := msg.(DoneMsg); ok {
			m, _, _ = m.Update(msg.(Msg))
		}
	}
	if got := src.decoded.Load() - before; got != 1 {
		t.Errorf("the first send decoded %d sessions, want its own", got)
	}
	m, stop := m.Stop()
	for _, msg := range keytest.Run(stop) {
		m, _, _ = m.Update(msg.(Msg))
	}
}
