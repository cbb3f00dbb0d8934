//go:build !race

// The race detector changes what the heap holds and takes minutes over
// 100,000 sessions: .ci/run runs this test on its own, without -race.

package queue

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
)

// heapBoundPerSession is generous on purpose: the test catches a
// regression (a second copy of every body, say) without timing anything.
// Measured: 3,188 B a session (resident 433 MiB) when rows kept the
// decoded session and its body as sent (914 B); 740 B (resident 147 MiB,
// 106 after debug.FreeOSMemory) with rows of cells and packed bodies, of
// which the body is about 380 B. Keeping a decoded session per row again,
// or the body unpacked, passes the bound.
const heapBoundPerSession = 1024

// TestHeapPerSession loads 100,000 of the demo's generated sessions into
// the queue as the program does: a page of 1,000 at a time decoded as the
// client decodes it (each session with the body the API sent), its rows
// made as the page's command makes them, then handed to the queue and
// dropped. It reports the live heap the loaded queue holds per session,
// bodies included, and the process's resident memory.
func TestHeapPerSession(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 100,000 sessions")
	}
	const n, pageSize = 100000, 1000
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
	// The server's answers: the demo's generated sessions, a page's worth,
	// given a new ID on every page, so that this process holds no more of
	// them than the program would (a page at a time) and its resident
	// memory is the queue's and the runtime's.
	templates := demo.Catalog(demo.WithGenerated(pageSize), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	jsonBytes := 0
	before := liveHeap()
	rssBefore := residentMiB(t)
	for start := 0; start < n; start += pageSize {
		p := &api.SessionPage{Items: make([]api.Session, pageSize), Next: fmt.Sprint(start + pageSize)}
		for i, fs := range templates {
			var id struct{ ID string }
			if err := json.Unmarshal(fs.Body, &id); err != nil {
				t.Fatal(err)
			}
			body := bytes.ReplaceAll(fs.Body, []byte(id.ID), fmt.Appendf(nil, "%08x-0000-4000-8000-%012x", start+i, start+i))
			if err := json.Unmarshal(body, &p.Items[i]); err != nil {
				t.Fatal(err)
			}
			p.Items[i].Raw = json.RawMessage(body)
			jsonBytes += len(body)
		}
		rows := rowsOf(m.kinds, p.Items) // in the page's command, as fetchPage makes them
		m.add(p, rows, fmt.Sprint(start), false)
	}
	after := liveHeap()
	rss := residentMiB(t)
	debug.FreeOSMemory()
	rssFreed := residentMiB(t)
	runtime.KeepAlive(m)

	if got := len(m.rows); got != n {
		t.Fatalf("loaded %d rows, want %d", got, n)
	}
	per := float64(after-before) / n
	t.Logf("live heap %.0f B/session with %d sessions loaded (their JSON: %.0f B/session)", per, n, float64(jsonBytes)/n)
	// The target is 150 MiB resident with 100,000 loaded. The
	// process holds the test binary besides the queue, and the room the
	// collector keeps for the pages' garbage; the second figure is after
	// the runtime has given back to the system what it could.
	t.Logf("resident %.0f MiB after a collection, %.0f MiB after debug.FreeOSMemory (target ≤ 150 MiB; %.0f MiB before loading)", rss, rssFreed, rssBefore)
	if per > heapBoundPerSession {
		t.Errorf("the loaded queue holds %.0f B a session, more than %d", per, heapBoundPerSession)
	}
}

// residentMiB is the process's resident memory (VmRSS), in MiB.
func residentMiB(t *testing.T) float64 {
	t.Helper()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Logf("no resident memory figure: %v", err) // not Linux: the heap figure stands alone
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			if err != nil {
				t.Fatalf("VmRSS reads %q: %v", v, err)
			}
			return float64(kb) / 1024
		}
	}
	t.Logf("no VmRSS line in /proc/self/status")
	return 0
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
