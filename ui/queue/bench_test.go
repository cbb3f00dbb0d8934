package queue

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/opencx-tools/cxi/api/filter"
)

// BenchmarkQueueView draws the queue at 120×40 with n sessions loaded. View
// draws only the visible rows, so the cost must not grow with n.
func BenchmarkQueueView(b *testing.B) {
	for _, n := range []int{100, 10000, 100000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
			m = withRows(m, n)
			m, _ = m.Select(session(n / 2).ID)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkQueueLoaded reports the heap held by n loaded sessions.
func BenchmarkQueueLoaded(b *testing.B) {
	for _, n := range []int{100000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&before)
				m := withRows(New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40), n)
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(m)
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MiB")
		})
	}
}

func withRows(m Model, n int) Model {
	rows := make([]*row, n)
	for i := range n {
		s := session(i)
		rows[i] = newRow(m.kinds, &s)
	}
	m.rows = rows
	m.reindex()
	m.rebuild()
	return m
}
