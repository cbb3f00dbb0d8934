package queue

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/filter"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/store"
)

// demoSessions is n of the demo's generated sessions, as the client
// decodes them.
func demoSessions(tb testing.TB, n int) []api.Session {
	tb.Helper()
	bodies := demo.Catalog(demo.WithGenerated(n), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	out := make([]api.Session, len(bodies))
	for i, fs := range bodies {
		if err := json.Unmarshal(fs.Body, &out[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

func openStoreAt(tb testing.TB, dir string) *store.Store {
	tb.Helper()
	st, notices, err := store.Open(store.Options{Dir: dir, Demo: true, Now: func() time.Time { return now }})
	if err != nil || st == nil {
		tb.Fatalf("store: %v %v", err, notices)
	}
	return st
}

// storeBytes is the store's size on disk: the file and its write-ahead log.
func storeBytes(tb testing.TB, path string) int64 {
	tb.Helper()
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if info, err := os.Stat(path + suffix); err == nil {
			size += info.Size()
		}
	}
	return size
}

// BenchmarkStartFromStore is cxi's start on a store of 10,000 sessions, up
// to the first frame of the queue: open the store, read the 500 rows the
// queue starts with and the last sync, build the queue and draw it. The
// store is filled (a page of 100 at a time, as the queue saves them) and
// closed before the timer starts.
func BenchmarkStartFromStore(b *testing.B) {
	const n = 10000
	dir := b.TempDir()
	sessions := demoSessions(b, n)
	st := openStoreAt(b, dir)
	ctx := context.Background()
	for i := 0; i < len(sessions); i += 100 {
		if err := st.SaveSessions(ctx, sessions[i:min(i+100, len(sessions))], now); err != nil {
			b.Fatal(err)
		}
	}
	if err := st.SetSync(ctx, filter.SyncKey, now); err != nil {
		b.Fatal(err)
	}
	path := st.Path()
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	size := storeBytes(b, path)

	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		st := openStoreAt(b, dir)
		cached, err := st.Sessions(ctx, store.Query{Limit: 500})
		if err != nil || len(cached) != 500 {
			b.Fatalf("%d cached: %v", len(cached), err)
		}
		last, err := st.Sync(ctx, filter.SyncKey)
		if err != nil {
			b.Fatal(err)
		}
		m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).WithMemory(st, cached, last).SetSize(120, 40)
		if m.View() == "" {
			b.Fatal("no frame")
		}
		b.StopTimer()
		_ = st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(size)/(1<<20), "db-MiB")
	b.Logf("store of %d sessions: %d bytes on disk (%s)", n, size, path)
}
