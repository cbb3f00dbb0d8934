package queue

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/ui/common"
)

// TestFactsAreTheSessions': what the rows say of the shift is what the
// decoded sessions say, row for row, for the demo's generated sessions.
func TestFactsAreTheSessions(t *testing.T) {
	m := New(theme(), DefaultKeyMap(), nil, filter.Filters{}, false, now).SetSize(120, 40)
	bodies := demo.Catalog(demo.WithGenerated(600), demo.WithoutShowcase(), demo.WithoutOddItems()).Sessions(now)
	var want []common.Fact
	for i := 0; i*200 < len(bodies); i++ {
		p := &api.SessionPage{}
		for _, fs := range bodies[i*200 : min((i+1)*200, len(bodies))] {
			var s api.Session
			if err := json.Unmarshal(fs.Body, &s); err != nil {
				t.Fatal(err)
			}
			s.Raw = fs.Body
			p.Items = append(p.Items, s)
		}
		for j := range p.Items {
			s := &p.Items[j]
			f := common.Fact{Status: s.Status, HandedOff: s.HandedOff(), Angry: s.Sentiment != nil && *s.Sentiment == api.SentimentAngry}
			if s.CreatedAt.Valid() {
				f.Created = s.CreatedAt.Time.UTC()
			}
			want = append(want, f)
		}
		m.add(p, rowsOf(m.kinds, p.Items), fmt.Sprint(i), false)
	}
	got := slices.Collect(m.Facts())
	if len(got) != len(want) {
		t.Fatalf("%d facts for %d sessions", len(got), len(want))
	}
	angry, handed := 0, 0
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("row %d: %+v, the session says %+v", i, got[i], want[i])
		}
		if want[i].Angry {
			angry++
		}
		if want[i].HandedOff {
			handed++
		}
	}
	if angry == 0 || handed == 0 {
		t.Errorf("the sample has %d angry and %d handed-off sessions: too few to tell", angry, handed)
	}
}
