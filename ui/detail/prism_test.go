//go:build prism

package detail

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake/prism"
	"github.com/opencx-tools/cxi/ui/internal/screentest"
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
	client := prism.MockClient(t, seed, "/chat/sessions/00000000-0000-0000-0000-000000000000", nil)
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
			screentest.Check(t, fmt.Sprintf("lookup %d", i), m.View(), width)
		}
	}
	if len(distinct) < lookups/2 {
		t.Errorf("only %d distinct sessions in %d lookups: the per-request seeds do not vary the answers", len(distinct), lookups)
	}
	t.Logf("%d sessions from prism looked up and rendered, %d distinct", lookups, len(distinct))
}
