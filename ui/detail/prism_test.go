//go:build prism

package detail

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/contract"
	"github.com/opencx-tools/cxi/api/fake/prism"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestAgainstPrism looks sessions up through the real client against
// Stoplight Prism serving the contract (opencx.openapi.yaml) in dynamic
// mode (random data that conforms to the schema), and renders every one.
// The seed is fixed and logged, and every request gets its own seed from
// it, so the 200 sessions differ from one another and are the same in
// every run. It needs the prism binary: `.ci/run` installs it and sets
// CXI_PRISM.
//
//	go test -tags prism ./ui/detail/ -run Prism   (with CXI_PRISM=path/to/prism)
func TestAgainstPrism(t *testing.T) {
	const seed = 15
	base := prism.StartMock(t, contract.Path(), seed, "/chat/sessions/00000000-0000-0000-0000-000000000000")

	// Prism has no rate limit; the program's own limiter would make 200
	// lookups take two minutes.
	hc := &http.Client{Transport: &prism.SeedEach{Base: seed}}
	client, err := api.New(base, "prism-test-key", api.WithHTTPClient(hc), api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	const lookups = 200
	distinct := map[string]bool{}
	for i := range lookups {
		// Prism answers about a random session whatever the ID asked for,
		// which the client refuses (another session); the same seed gives
		// the same answer, so the session it is about is asked for next.
		ctx := prism.Pin(context.Background(), fmt.Sprintf("%d-%d", seed, i+1))
		id, err := prism.AnsweredID(ctx, client)
		if err != nil {
			t.Fatalf("lookup %d (seed %d-%d): %v", i, seed, i+1, err)
		}
		s, err := client.GetSession(ctx, id)
		if err != nil {
			t.Fatalf("lookup %d (%s, seed %d-%d): %v", i, id, seed, i+1, err)
		}
		distinct[s.ID+string(s.Status)+s.CreatedAt.Raw+s.UpdatedAt.Raw] = true
		for _, width := range []int{120, 60} {
			m := newPane(theme(), DefaultKeyMap()).SetSize(width, 1000).SetSession(s, time.Now())
			view := m.View()
			for _, r := range view {
				if r != '\n' && (r < 0x20 || (r >= 0x7f && r <= 0x9f)) {
					t.Fatalf("lookup %d: control character %U on screen at width %d", i, r, width)
				}
			}
			for n, line := range strings.Split(view, "\n") {
				if render.Width(line) > width {
					t.Fatalf("lookup %d: line %d is %d cells at width %d: %q", i, n, render.Width(line), width, line)
				}
			}
		}
	}
	if len(distinct) < lookups/2 {
		t.Errorf("only %d distinct sessions in %d lookups: the per-request seeds do not vary the answers", len(distinct), lookups)
	}
	t.Logf("%d sessions from prism looked up and rendered, %d distinct", lookups, len(distinct))
}
