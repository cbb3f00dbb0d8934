package kept

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/store"
)

// BenchmarkCheck2000 is one full check of the TUI's (ui/queue.MaxFlagged
// sessions) against a store that keeps them all, with a transcript for
// one in ten: what each page's check costs off the UI's goroutine.
func BenchmarkCheck2000(b *testing.B) {
	ctx := context.Background()
	st, _, err := store.Open(store.Options{Dir: b.TempDir(), BaseURL: "https://api.example", Key: "k", Now: func() time.Time { return now }})
	if err != nil || st == nil {
		b.Fatal(err)
	}
	defer st.Close()
	sessions := make([]api.Session, 2000)
	for i := range sessions {
		at := ts(now.Add(-time.Duration(i) * time.Minute))
		sessions[i] = api.Session{
			ID: fmt.Sprintf("3c90c3cc-0d44-4b50-8888-%012d", i), Status: api.StatusOpen, AIClosureType: ptr(api.ClosureHandedOff),
			Contact:   &api.Contact{ID: fmt.Sprint(i), Email: ptr(fmt.Sprintf("c%d@example.com", i%300))},
			CreatedAt: at, UpdatedAt: at,
		}
	}
	if err := st.SaveSessions(ctx, sessions, now); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < len(sessions); i += 10 {
		events := []api.Event{{Type: "handoff", SenderType: "ai", CreatedAt: ts(now.Add(-6 * time.Hour))}, {Type: "message", SenderType: "contact", CreatedAt: ts(now.Add(-5 * time.Hour))}}
		if err := st.SaveHistory(ctx, sessions[i].ID, events, true, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		ins, err := Inputs(ctx, st, sessions, nil, now)
		if err != nil {
			b.Fatal(err)
		}
		for _, in := range ins {
			lint.Check(in, lint.Defaults())
		}
	}
}
