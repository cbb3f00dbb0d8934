//go:build prism

package detail

import (
	"context"
	"fmt"
	"math/rand/v2"
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
	rng := rand.New(rand.NewPCG(7, 7))
	const lookups = 200
	distinct := map[string]bool{}
	for i := range lookups {
		id := randomUUID(rng)
		s, err := client.GetSession(context.Background(), id)
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

// randomUUID makes a version 4 UUID, which the contract's pattern accepts.
func randomUUID(r *rand.Rand) string {
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
