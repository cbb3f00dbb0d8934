//go:build prism

package read

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/prism"
	"github.com/opencx-tools/cxi/ui/command"
)

// recorder is a transport that keeps every answer's body as received, so
// that the test compares cxi's output with the bytes Prism sent (each of
// its dynamic answers is a new random one).
type recorder struct {
	mu     sync.Mutex
	bodies []recorded
}

type recorded struct {
	path string
	body []byte
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.bodies = append(r.bodies, recorded{req.URL.Path, body})
	r.mu.Unlock()
	return resp, nil
}

// take returns what was recorded since the last take.
func (r *recorder) take() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.bodies
	r.bodies = nil
	return out
}

// TestRawJSONAgainstPrism: Stoplight Prism serves the contract
// (opencx.openapi.yaml) in dynamic mode, random schema-valid sessions and
// list pages, and `cxi get --json` and `cxi list --json` must print each
// session so that it parses to the value Prism sent, keys in the order
// sent; --field must reach every top-level field Prism sent. It needs the
// prism binary: `.ci/run` installs it.
//
//	CXI_PRISM=path/to/prism go test -tags prism -run Prism ./ui/command/read/
func TestRawJSONAgainstPrism(t *testing.T) {
	const seed = 23
	rec := &recorder{}
	c := prism.MockClient(t, seed, "/chat/sessions/00000000-0000-0000-0000-000000000000", rec)
	env := func(out, errOut *bytes.Buffer) command.Env {
		return command.Env{Stdout: out, Stderr: errOut, Now: time.Now, Width: 100}
	}

	const lookups = 200
	for i := range lookups {
		// Prism answers about a random session whatever the ID asked for,
		// which cxi refuses (another session); the same seed gives the same
		// answer, so the session it is about is asked for next.
		ctx := prism.Pin(context.Background(), fmt.Sprintf("%d-%d", seed, i+1))
		id, err := prism.AnsweredID(ctx, c)
		if err != nil {
			t.Fatalf("get %d (seed %d-%d): %v", i, seed, i+1, err)
		}
		rec.take()
		var out, errOut bytes.Buffer
		if code := get(ctx, []string{"--json", id}, env(&out, &errOut), fixed(c)); code != command.ExitOK {
			t.Fatalf("get %d (%s): exit %d: %s", i, id, code, errOut.String())
		}
		sent := rec.take()
		if len(sent) != 1 || !strings.EqualFold(sent[0].path, "/chat/sessions/"+id) { // cxi writes an ID in small letters
			t.Fatalf("get %d: requests %v, want the one GET", i, paths(sent))
		}
		assertNoControls(t, out.String())
		assertSameDocument(t, string(sent[0].body), out.String())
		checkFields(ctx, t, c, id, sent[0].body, rec)
	}

	// Each walk pages until Prism's random next is null (or repeats): a
	// few pages each, so several walks.
	const walks = 30
	printed := 0
	for w := range walks {
		var out, errOut bytes.Buffer
		if code := list(context.Background(), []string{"--json", "--limit", "500"}, env(&out, &errOut), fixed(c)); code != command.ExitOK {
			t.Fatalf("list %d: exit %d: %s", w, code, errOut.String())
		}
		assertNoControls(t, out.String())
		// The items sent, each session once: the schema allows the nil
		// UUID, which Prism sends often, and list prints an ID once.
		var items []string
		seen := map[string]bool{}
		for _, page := range rec.take() {
			var p struct{ Items []json.RawMessage }
			if err := json.Unmarshal(page.body, &p); err != nil {
				t.Fatalf("a page Prism sent: %v", err)
			}
			for _, it := range p.Items {
				var s struct{ ID string }
				if err := json.Unmarshal(it, &s); err != nil || seen[s.ID] {
					continue
				}
				seen[s.ID] = true
				items = append(items, string(it))
			}
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			lines = nil
		}
		if len(lines) != len(items) {
			t.Fatalf("list %d: %d lines printed from %d items sent; stderr %q\n%s\n%s", w, len(lines), len(items), errOut.String(), strings.Join(items, "\n"), out.String())
		}
		for i, l := range lines {
			assertSameDocument(t, items[i], l)
		}
		printed += len(lines)
	}
	t.Logf("%d sessions and %d list items (%d walks) from prism printed as sent", lookups, printed, walks)
}

// checkFields asks --field for every top-level field of body: a null is
// "no value", a number prints its literal, a string its text (or is
// refused as unsafe), and nothing is a usage error.
func checkFields(ctx context.Context, t *testing.T, c *api.Client, id string, body []byte, rec *recorder) {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	for name := range doc {
		var out, errOut bytes.Buffer
		code := get(ctx, []string{"--field", name, id}, command.Env{Stdout: &out, Stderr: &errOut, Now: time.Now}, fixed(c))
		value := rec.take()[0].body // the answer of this lookup: the same, under the same seed
		var fresh map[string]json.RawMessage
		_ = json.Unmarshal(value, &fresh)
		text, kind := api.FormatValue(fresh[name])
		switch {
		case fresh[name] == nil || kind == api.KindNull:
			if code != command.ExitNoValue && code != command.ExitUsage {
				t.Errorf("%s --field %s (absent or null): exit %d, %q", id, name, code, out.String())
			}
		case kind == api.KindString && code == command.ExitBadData:
			// a random string with a control character: refused, not printed raw
		case code != command.ExitOK:
			t.Errorf("%s --field %s: exit %d: %s", id, name, code, errOut.String())
		case kind != api.KindOther && out.String() != text+"\n":
			t.Errorf("%s --field %s = %q, want %q as sent", id, name, out.String(), text)
		}
	}
}

func paths(rs []recorded) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.path)
	}
	return out
}
