package queue

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/actions"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/internal/keytest"
	"github.com/opencx-tools/cxi/ui/keys"
)

// mostlyResolved is the demo's generated sessions with all but every
// openEvery-th closed as resolved: a month's selection whose close has
// little to send, so that the fake (which rebuilds its index on every
// write) answers the test in seconds.
type mostlyResolved struct {
	fake.Catalog
	openEvery int
}

func (c mostlyResolved) Sessions(now time.Time) []fake.Session {
	out := c.Catalog.Sessions(now)
	for i := range out {
		status := api.StatusClosedResolved
		if i%c.openEvery == 0 {
			status = api.StatusOpen
		}
		var body map[string]json.RawMessage
		if err := json.Unmarshal(out[i].Body, &body); err != nil {
			panic(err) // the demo's generated bodies are JSON objects
		}
		body["status"], _ = json.Marshal(status)
		out[i].Body, _ = json.Marshal(body)
	}
	return out
}

// TestATenThousandSelectionClosesThroughTheFake: ctrl+a on 10,000 loaded
// sessions, then :close; the confirmation counts what it leaves alone
// without decoding the selection, and the batch sends exactly one PATCH
// to each open session, in the order on screen, and none to those already
// resolved, saying its progress as it goes. The writes go to api/fake
// only.
func TestATenThousandSelectionClosesThroughTheFake(t *testing.T) {
	const n, openEvery = 10000, 50
	catalog := mostlyResolved{Catalog: demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems()), openEvery: openEvery}
	srv := fake.New(fake.WithCatalog(catalog), fake.WithClock(func() time.Time { return now }))
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	client, err := api.New(ts.URL, fake.DemoKey, api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}

	var sessions []api.Session
	open := map[string]bool{}
	for _, fs := range catalog.Sessions(now) {
		var s api.Session
		if err := json.Unmarshal(fs.Body, &s); err != nil {
			t.Fatal(err)
		}
		s.Raw = fs.Body
		sessions = append(sessions, s)
		if s.Status == api.StatusOpen {
			open[s.ID] = true
		}
	}
	q := queueOf(sessions)
	q, _ = q.Update(keytest.Msg("ctrl+a"))
	if q.Len() != n {
		t.Fatalf("%d rows loaded, want %d", q.Len(), n)
	}
	var want []string // the open sessions, in the order on screen
	for _, i := range q.view {
		if id := q.rows[i].id; open[id] {
			want = append(want, id)
		}
	}

	targets := q.Picked()
	if targets.Len() != n || targets.In(api.StatusClosedResolved) != n-len(want) {
		t.Fatalf("picked %d, %d resolved; want %d, %d", targets.Len(), targets.In(api.StatusClosedResolved), n, n-len(want))
	}
	act := actions.New(common.Context{Theme: styles.Plain(), Keys: keys.Default()}, client, common.WriteSettings{})
	menu, cmd := act.MenuAt(api.StatusClosedResolved, targets, nil, true)
	if menu == nil {
		t.Fatalf("no confirmation; said %v", keytest.Run(cmd))
	}
	sentence := fmt.Sprintf("Close %d sessions as resolved · %d already resolved, left alone", len(want), n-len(want))
	if v := strings.Join(strings.Fields(menu.View(200, 30)), " "); !strings.Contains(v, sentence) {
		t.Errorf("the confirmation does not say %q:\n%s", sentence, menu.View(200, 30))
	}
	if len(srv.Requests()) != 0 {
		t.Fatalf("the confirmation sent %d requests", len(srv.Requests()))
	}
	_, confirm := keytest.Press(t, menu, "enter")

	// The program's loop: every message back to Update, the queue told of
	// each event, the status line's progress read after each answer.
	var progress []string
	var said []string
	msgs := keytest.Run(confirm)
	for len(msgs) > 0 {
		var next []tea.Msg
		for _, msg := range msgs {
			switch msg := msg.(type) {
			case actions.Msg:
				var ev common.WriteEvent
				act, ev, cmd = act.Update(msg)
				q = q.Acted(ev)
				if b := act.Busy(); b != "" && (len(progress) == 0 || progress[len(progress)-1] != b) {
					progress = append(progress, b)
				}
				next = append(next, keytest.Run(cmd)...)
			case common.NoticeMsg:
				said = append(said, msg.Text)
			}
		}
		msgs = next
	}

	var patched []string
	for _, r := range srv.Requests() {
		switch {
		case r.Method == http.MethodPatch:
			patched = append(patched, strings.TrimPrefix(r.Path, "/chat/sessions/"))
		case r.Method != http.MethodGet:
			t.Errorf("unplanned %s %s", r.Method, r.Path)
		}
	}
	if fmt.Sprint(patched) != fmt.Sprint(want) {
		t.Errorf("%d PATCHes, want %d, one to each open session in the order on screen", len(patched), len(want))
	}
	// One line a session, "Closing 1 of 200" to "Closing 200 of 200".
	for i, b := range progress {
		if w := fmt.Sprintf("Closing %d of %d", i+1, len(want)); !strings.HasSuffix(b, w) {
			t.Fatalf("progress line %d says %q, want it to end %q", i, b, w)
		}
	}
	if len(progress) != len(want) {
		t.Errorf("%d progress lines for %d sessions sent", len(progress), len(want))
	}
	last := fmt.Sprintf("%d closed as resolved · %d already resolved, left alone", len(want), n-len(want))
	if len(said) == 0 || !strings.HasPrefix(said[len(said)-1], last) {
		t.Errorf("said %q, want it to start %q", said, last)
	}
	if act.Running() || q.HasSelection() || len(q.saving) != 0 {
		t.Errorf("after the batch: running %v, selection %v, %d rows still saving", act.Running(), q.HasSelection(), len(q.saving))
	}
}
