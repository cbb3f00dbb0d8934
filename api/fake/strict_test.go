package fake_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/fake/internal/probe"
)

// recorder is a testing.TB that keeps what a strict server reports instead
// of failing the test, and runs its cleanups when the test says the fake
// test is over.
type recorder struct {
	testing.TB // anything else panics: a strict server needs only these
	mu         sync.Mutex
	errors     []string
	cleanups   []func()
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Cleanup(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cleanups = append(r.cleanups, f)
}

// end runs the cleanups, last first, as testing does at the end of a test.
func (r *recorder) end() {
	r.mu.Lock()
	cleanups := slices.Clone(r.cleanups)
	r.mu.Unlock()
	for _, f := range slices.Backward(cleanups) {
		f()
	}
}

// reported returns the failures so far.
func (r *recorder) reported() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errors)
}

func TestStrictAnswersWhatIsPlanned(t *testing.T) {
	session := "/chat/sessions/" + demo.IDMinimal
	s := demo.NewServer(fake.Strict(t, // a *testing.T is what it takes
		fake.Expect(http.MethodGet, session),
		fake.Expect(http.MethodGet, "/chat/sessions").Times(2)))
	probe.Get(s, session, fake.DemoKey)
	probe.Get(s, "/chat/sessions", fake.DemoKey)
	probe.Get(s, "/chat/sessions?status=open", fake.DemoKey) // the query is not compared
}

func TestStrictReportsUnplannedRequests(t *testing.T) {
	rec := &recorder{}
	session := "/chat/sessions/" + demo.IDMinimal
	s := demo.NewServer(fake.Strict(rec, fake.Expect(http.MethodGet, session)))

	if w := probe.Get(s, session, fake.DemoKey); w.Code != http.StatusOK {
		t.Fatalf("planned request: status %d", w.Code)
	}
	if got := rec.reported(); len(got) != 0 {
		t.Fatalf("a planned request was reported: %q", got)
	}

	// Not planned: another path, the same path once too often, another
	// method. Each still gets its normal answer.
	if w := probe.Get(s, "/chat/sessions?status=open", fake.DemoKey); w.Code != http.StatusOK {
		t.Errorf("unplanned list: status %d, want its normal 200", w.Code)
	}
	probe.Get(s, session, fake.DemoKey)
	r := httptest.NewRequest(http.MethodDelete, session, nil)
	s.ServeHTTP(httptest.NewRecorder(), r)

	want := []string{
		"fake: unplanned request GET /chat/sessions?status=open",
		"fake: unplanned request GET " + session,
		"fake: unplanned request DELETE " + session,
	}
	if got := rec.reported(); !slices.Equal(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
	rec.end()
	if got := rec.reported(); len(got) != len(want) {
		t.Errorf("at cleanup, with every stub used: %q", got[len(want):])
	}
}

func TestStrictReportsUnusedStubs(t *testing.T) {
	rec := &recorder{}
	s := demo.NewServer(fake.Strict(rec,
		fake.Expect(http.MethodGet, "/chat/sessions/"+demo.IDMinimal),
		fake.Expect(http.MethodGet, "/chat/sessions").Times(3),
		fake.Expect(http.MethodGet, "/chat/sessions/search")))
	probe.Get(s, "/chat/sessions", fake.DemoKey)
	probe.Get(s, "/chat/sessions/search?q=dana", fake.DemoKey)
	if got := rec.reported(); len(got) != 0 {
		t.Fatalf("reported before the test ended: %q", got)
	}

	rec.end()
	got := rec.reported()
	if len(got) != 1 {
		t.Fatalf("reported %q, want one report of the unused stubs", got)
	}
	for _, part := range []string{
		"GET /chat/sessions/" + demo.IDMinimal + " (0 of 1 requests)",
		"GET /chat/sessions (1 of 3 requests)",
	} {
		if !strings.Contains(got[0], part) {
			t.Errorf("report %q does not name %q", got[0], part)
		}
	}
	if strings.Contains(got[0], "search") {
		t.Errorf("report %q names the stub that was used", got[0])
	}
}

func TestStrictWithoutStubsRefusesEverything(t *testing.T) {
	rec := &recorder{}
	s := fake.New(fake.Strict(rec))
	probe.Get(s, "/chat/sessions", "")
	rec.end()
	if got := rec.reported(); !slices.Equal(got, []string{"fake: unplanned request GET /chat/sessions"}) {
		t.Errorf("reported %q", got)
	}
}
