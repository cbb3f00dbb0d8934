package integrity

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"go.uber.org/goleak"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var now = time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)

func ptr[T any](v T) *T { return &v }

// noTicket is a session handed off without a ticket; ok one with a ticket.
func sessions() (noTicket, ok api.Session) {
	noTicket = api.Session{ID: "aaaaaaaa-0000-4000-8000-000000000001", Status: api.StatusOpen, AIClosureType: ptr(api.ClosureHandedOff)}
	ok = api.Session{ID: "bbbbbbbb-0000-4000-8000-000000000002", Status: api.StatusOpen,
		AIClosureType: ptr(api.ClosureHandedOff), TicketingSystem: &api.TicketingSystem{ExternalID: "ZD-1"}}
	return noTicket, ok
}

// run runs cmd and gives its answer to m: the model, and what it starts.
func run(t *testing.T, m Model, cmd func() any) (Model, tea.Cmd, bool) {
	t.Helper()
	msg, isMsg := cmd().(Msg)
	if !isMsg {
		t.Fatalf("the command answered %T", msg)
	}
	m, next, changed, err := m.Update(msg)
	if err != nil {
		t.Fatal(err)
	}
	return m, next, changed
}

// TestCheckAllAndSome: a full check asked for while one runs waits for it
// and starts when it answers (a burst of pages costs two checks, not one
// each); its answer replaces the flags; a check of one session changes
// only that session's.
func TestCheckAllAndSome(t *testing.T) {
	bad, good := sessions()
	m := New(lint.Thresholds{}, nil, nil) // zero thresholds: the defaults
	m, first := m.CheckAll(func() []api.Session { return []api.Session{bad, good} }, now)
	m, second := m.CheckAll(func() []api.Session { return []api.Session{good} }, now)
	if first == nil || second != nil {
		t.Fatalf("a check while one runs was started at once (%v, %v)", first != nil, second != nil)
	}
	m, next, changed := run(t, m, func() any { return first() })
	if fl := m.Flags(bad.ID); !changed || len(fl) != 1 || fl[0].Rule != lint.NoTicket || next == nil {
		t.Fatalf("the first check: changed %v, flags %v, next started %v", changed, fl, next != nil)
	}
	m, next, _ = run(t, m, func() any { return next() })
	if len(m.All()) != 0 || next != nil {
		t.Fatalf("the check asked for since: flags %v, another started %v", m.All(), next != nil)
	}
	m, _, changed = run(t, m, func() any { return m.CheckSome([]api.Session{bad}, now)() })
	if fl := m.Flags(bad.ID); !changed || len(fl) != 1 || fl[0].Rule != lint.NoTicket {
		t.Fatalf("a check of one: changed %v, flags %v", changed, fl)
	}
	if rules := m.Rules(); len(rules) != 1 || rules[bad.ID][0] != lint.NoTicket {
		t.Fatalf("Rules = %v", rules)
	}
	bad.TicketingSystem = &api.TicketingSystem{ExternalID: "ZD-2"} // a ticket since
	m, _, _ = run(t, m, func() any { return m.CheckSome([]api.Session{bad}, now)() })
	if len(m.All()) != 0 {
		t.Fatalf("a session checked again without flags kept its old ones: %v", m.All())
	}
	if m, cmd := m.CheckAll(func() []api.Session { return nil }, now); cmd == nil {
		t.Fatal("no check started once none runs")
	} else if m, _, _ = run(t, m, func() any { return cmd() }); m.running {
		t.Fatal("still running after its answer")
	}
}

type scheduler struct {
	asked int
	err   error
}

func (s *scheduler) OfficeHours(ctx context.Context) ([]api.OfficeHours, error) {
	s.asked++
	if !api.IsBackground(ctx) {
		return nil, errors.New("asked in the foreground")
	}
	return []api.OfficeHours{{Name: "support", Timezone: "Europe/London", Shifts: []api.Shift{{DayOfWeek: "monday_to_friday", StartTime: "09:00:00", EndTime: "17:00:00"}}}}, s.err
}

// TestStartAsksTheOfficeHoursOnce: in the background, only when the
// no-reply rule counts in them; the schedule is then what checks use.
func TestStartAsksTheOfficeHoursOnce(t *testing.T) {
	s := &scheduler{}
	off := lint.Defaults()
	off.OfficeHours = false
	if New(off, nil, s).Start() != nil || New(lint.Defaults(), nil, nil).Start() != nil {
		t.Fatal("office hours asked when the rule does not count in them, or with no client")
	}
	m := New(lint.Defaults(), nil, s)
	m, _, _ = run(t, m, func() any { return m.Start()() })
	if s.asked != 1 || m.schedule == nil || m.schedule.Name != "support" {
		t.Fatalf("asked %d times, schedule %+v", s.asked, m.schedule)
	}
}
