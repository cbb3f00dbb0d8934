package api_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// TestMeasureHeldNextKey replays the requests of `n` held down for 20 s
// (key repeat every 33 ms: each step cancels the last quiet refresh, starts
// a new one and prefetches the new neighbours) with the program's real
// limiter, then times the lookup the user asks for next. "before" is the
// pattern as it was (prefetches under one context, never cancelled, each
// reserving a place), "after" is today's (background requests that reserve
// nothing, cancelled when superseded). It is a measurement for the notes,
// not a check: it runs only with CXI_MEASURE=1 and takes about 45 s.
func TestMeasureHeldNextKey(t *testing.T) {
	if os.Getenv("CXI_MEASURE") == "" {
		t.Skip("set CXI_MEASURE=1 to measure (about 45 s)")
	}
	ids := demo.NewServer().SessionIDs()
	for _, mode := range []string{"before", "after"} {
		_, base := startFake(t, demo.NewServer(fake.WithoutFaults()))
		c, err := api.New(base, fake.DemoKey)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		forever, stopAll := context.WithCancel(context.Background())
		cancelRefresh := func() {}
		prefetches := map[string]context.CancelFunc{}
		hold := time.Now().Add(20 * time.Second)
		for step := 0; time.Now().Before(hold); step++ {
			cancelRefresh()
			ctx, cancel := context.WithCancel(context.Background())
			cancelRefresh = cancel
			if mode == "after" {
				ctx = api.Background(ctx)
			}
			id := ids[step%len(ids)]
			wg.Add(1)
			go func() { defer wg.Done(); _, _ = c.GetSession(ctx, id) }()
			next := ids[(step+1)%len(ids)]
			if mode == "after" {
				for other, cancel := range prefetches {
					if other != next {
						cancel()
						delete(prefetches, other)
					}
				}
			}
			if _, ok := prefetches[next]; !ok && c.Budget() >= 50 {
				pctx, pcancel := context.WithCancel(forever)
				if mode == "after" {
					pctx = api.Background(pctx)
					prefetches[next] = pcancel
				} else {
					prefetches[next] = func() {}
					_ = pcancel
				}
				wg.Add(1)
				go func() { defer wg.Done(); _, _ = c.GetSession(pctx, next) }()
			}
			time.Sleep(33 * time.Millisecond)
		}
		cancelRefresh()
		start := time.Now()
		lookup, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		_, err = c.GetSession(lookup, demo.IDMinimal)
		cancel()
		fmt.Printf("%s: the lookup after 20 s of held n took %s (err %v); budget left %d\n", mode, time.Since(start).Round(10*time.Millisecond), err, c.Budget())
		stopAll()
		wg.Wait()
	}
}
