//go:build !race

// The race detector changes what the heap holds and takes minutes over
// 100,000 sessions: .ci/run runs this test on its own, without -race.

package queue

import (
	"encoding/json"
	"fmt"
	"runtime"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
)

// heapBoundPerSession is generous on purpose: the test catches a
// regression (a second copy of every body, say) without timing anything.
// Measured: 3,216 B a session, of which the bodies as sent are 921 B.
// Issue 19 aims at 2 KB; the bound comes down as the rows do.
const heapBoundPerSession = 3584

// TestHeapPerSession loads 100,000 of the demo's generated sessions into
// the queue as the client hands them over (decoded, each with the body
// the API sent), a page of 1,000 at a time, and reports the live heap
// the loaded queue holds per session, bodies included.
func TestHeapPerSession(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 100,000 sessions")
	}
	const n, pageSize = 100000, 1000
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
	before := liveHeap() // the decoded pages count: the queue keeps them
	pages, jsonBytes := demoPages(t, n, pageSize)
	for i := range pages {
		m.add(pages[i], fmt.Sprint(i*pageSize), false)
		pages[i] = nil // the queue alone keeps the page now, as in the program
	}
	after := liveHeap()
	runtime.KeepAlive(m)

	if got := len(m.rows); got != n {
		t.Fatalf("loaded %d rows, want %d", got, n)
	}
	per := float64(after-before) / n
	t.Logf("live heap %.0f B/session with %d sessions loaded (their JSON: %.0f B/session)", per, n, float64(jsonBytes)/n)
	if per > heapBoundPerSession {
		t.Errorf("the loaded queue holds %.0f B a session, more than %d", per, heapBoundPerSession)
	}
}

// demoPages decodes n generated demo sessions as ListSessions does (each
// keeps its body in Raw) into pages of size, and tells their JSON's size.
func demoPages(tb testing.TB, n, size int) ([]*api.SessionPage, int) {
	tb.Helper()
	bodies := demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	var pages []*api.SessionPage
	total := 0
	for start := 0; start < len(bodies); start += size {
		end := min(start+size, len(bodies))
		p := &api.SessionPage{Items: make([]api.Session, end-start), Next: fmt.Sprint(end)}
		if end == len(bodies) {
			p.Next = ""
		}
		for i, fs := range bodies[start:end] {
			if err := json.Unmarshal(fs.Body, &p.Items[i]); err != nil {
				tb.Fatal(err)
			}
			p.Items[i].Raw = json.RawMessage(fs.Body)
			total += len(fs.Body)
		}
		pages = append(pages, p)
	}
	return pages, total
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
