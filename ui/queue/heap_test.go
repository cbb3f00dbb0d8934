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
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/command/runtimemem"
)

// heapBoundPerSession is generous on purpose: the test catches a
// regression (a second copy of every body, say) without timing anything.
// Measured: 3,188 B a session (resident 433 MiB) when rows kept the
// decoded session and its body as sent (914 B); 740 B (resident 147 MiB,
// 106 after debug.FreeOSMemory) with rows of cells and packed bodies, of
// which the body is about 380 B; 767–777 B as the packer changed (a few
// bytes a body), resident 111–119 MiB under the TUI's collector policy
// (runtimemem: GOGC 35), 149–156 MiB under the runtime's default; 748 B
// with the contact and ticket cells kept in the search text's bytes when
// it holds them as they are; 699 B (resident 105 MiB) with the search
// text built at its size, not in a builder grown by doubling. Keeping a decoded session per row again,
// or the body unpacked, passes the bound.
const heapBoundPerSession = 1024

// TestHeapPerSession loads 100,000 of the demo's generated sessions into
// the queue as the program does (see loadGenerated), under the collector's
// policy the program runs with (runtimemem.Tune, as ui/command/tui calls
// it). It reports the live heap the loaded queue holds per session,
// bodies included, and the process's resident memory.
func TestHeapPerSession(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 100,000 sessions")
	}
	const n = 100000
	defer runtimemem.Tune(os.Getenv)()
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
	before := liveHeap()
	rssBefore := residentMiB(t)
	jsonBytes := loadGenerated(t, &m, n)
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
	t.Logf("resident %.0f MiB loaded, %.0f MiB after debug.FreeOSMemory (target ≤ 150 MiB; %.0f MiB before loading), GOGC %d (GOGC=%q GOMEMLIMIT=%q in the environment)",
		rss, rssFreed, rssBefore, gcPercent(), os.Getenv("GOGC"), os.Getenv("GOMEMLIMIT"))
	if per > heapBoundPerSession {
		t.Errorf("the loaded queue holds %.0f B a session, more than %d", per, heapBoundPerSession)
	}
}

// BenchmarkLoadUnderGCPolicy loads 100,000 sessions, 100 pages of 1,000
// as TestHeapPerSession does, under the runtime's default policy (GOGC
// 100) and under the TUI's (runtimemem.Tune): what the policy costs in
// collections and their CPU while the pages arrive. Run it with
// -benchtime=1x: an iteration is the whole load.
func BenchmarkLoadUnderGCPolicy(b *testing.B) {
	for _, policy := range []struct {
		name string
		set  func() func()
	}{
		{"runtime-default", func() func() {
			old := debug.SetGCPercent(100)
			return func() { debug.SetGCPercent(old) }
		}},
		{"cxi", func() func() { return runtimemem.Tune(os.Getenv) }},
	} {
		b.Run(policy.name, func(b *testing.B) {
			defer policy.set()()
			var gcs uint32
			var gcCPU float64
			for b.Loop() {
				b.StopTimer()
				m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				startGC, startCPU := ms.NumGC, gcCPUSeconds()
				b.StartTimer()
				loadGenerated(b, &m, 100000)
				b.StopTimer()
				runtime.ReadMemStats(&ms)
				gcs += ms.NumGC - startGC
				gcCPU += gcCPUSeconds() - startCPU
				runtime.KeepAlive(m)
				b.StartTimer()
			}
			b.ReportMetric(float64(gcs)/float64(b.N), "GCs/op")
			b.ReportMetric(gcCPU/float64(b.N)*1000, "gc-cpu-ms/op")
		})
	}
}

// loadGenerated loads n of the demo's generated sessions into m as the
// program does: a page of 1,000 at a time decoded as the client decodes
// it (each session with the body the API sent), its rows made as the
// page's command makes them, then handed to the queue and dropped. It
// returns the bytes of JSON loaded.
func loadGenerated(tb testing.TB, m *Model, n int) (jsonBytes int) {
	tb.Helper()
	const pageSize = 1000
	// The server's answers: the demo's generated sessions, a page's worth,
	// given a new ID on every page, so that this process holds no more of
	// them than the program would (a page at a time) and its resident
	// memory is the queue's and the runtime's.
	templates := demo.Catalog(demo.WithGenerated(pageSize), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	for start := 0; start < n; start += pageSize {
		p := &api.SessionPage{Items: make([]api.Session, pageSize), Next: fmt.Sprint(start + pageSize)}
		for i, fs := range templates {
			var id struct{ ID string }
			if err := json.Unmarshal(fs.Body, &id); err != nil {
				tb.Fatal(err)
			}
			body := bytes.ReplaceAll(fs.Body, []byte(id.ID), fmt.Appendf(nil, "%08x-0000-4000-8000-%012x", start+i, start+i))
			if err := json.Unmarshal(body, &p.Items[i]); err != nil {
				tb.Fatal(err)
			}
			p.Items[i].Raw = json.RawMessage(body)
			jsonBytes += len(body)
		}
		rows := rowsOf(m.kinds, p.Items) // in the page's command, as fetchPage makes them
		if start > 0 {
			pooled(rows) // paging on, as fetchPage does
		}
		m.add(p, rows, fmt.Sprint(start), false)
	}
	return jsonBytes
}

// gcPercent is the collector's GOGC now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// gcCPUSeconds is the CPU the collector has used since the process began.
func gcCPUSeconds() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64()
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
