package read

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
	"golang.org/x/time/rate"
)

// The hand-made sessions of the round trip: what the published reference
// allows, and what a beta API may add, in the forms a re-encoding loses.
const (
	rawAllNulls = "1a2b3c4d-0d44-4b50-8888-000000000001"
	rawFloat    = "1a2b3c4d-0d44-4b50-8888-000000000002"
	rawMinimal  = "1a2b3c4d-0d44-4b50-8888-000000000003"
)

// rawBodies are the sessions as a server sends them: keys in an unusual
// order, nulls wherever the contract allows them, empty objects, an empty
// contact created_at, ticket numbers past 2^53 and with a fraction, fields
// cxi does not know at the top and nested, and hostile text both as JSON
// escapes (\u001b) and as raw characters (bidi overrides, C1, DEL).
var rawBodies = map[string]string{
	rawAllNulls: `{"updated_at":"2026-11-25T11:59:15.000Z","id":"` + rawAllNulls + `","status":"open",` +
		`"tags":["vip","\u001b[31mred\u001b[0m","` + "\u202egnp.exe" + `"],"ai_closure_type":null,"sentiment":null,` +
		`"channel":{"id":"ch_1","type":"web"},` +
		`"contact":{"id":"c1","email":null,"phone_number":null,"name":"Ana ` + "\u2067x\u0085\u007f" + `","custom_data":{},` +
		`"created_at":"","updated_at":null,"non_verified_name":null,"non_verified_email":null,"non_verified_custom_data":null,` +
		`"foo":{"bar":[1,2.50,null,true,"\u0007"]}},` +
		`"language":null,"assignee_id":null,"custom_data":{},"team":null,"handoff":null,"ticketing_system":null,` +
		`"ticket_number":9007199254740993,"assist_mode":null,"created_at":"2026-11-25T11:40:30.433Z",` +
		`"x_future":{"deep":{"big":1e400,"small":-0.0000000001,"empty":{},"list":[]}}}`,
	rawFloat: `{"id":"` + rawFloat + `","ticket_number":1042.5,"status":"closed_resolved","channel":{"type":"telegram"},` +
		`"custom_data":{"mrr":1249.990,"plan":"pro"},"assist_mode":false,"handoff":{"summary":"line\nbreak\u2028sep","sentiment":null},` +
		`"created_at":"2026-11-25T11:40:30.433Z","updated_at":"2026-11-25T11:41:30.433Z","sentiment":"happy","ai_closure_type":"resolved"}`,
	rawMinimal: `{"id":"` + rawMinimal + `","status":"open","ai_closure_type":null,"sentiment":null,"channel":{"type":"web"},` +
		`"ticket_number":7,"assist_mode":false,"created_at":"2026-11-25T11:40:30.433Z","updated_at":"2026-11-25T11:40:30.433Z"}`,
}

// rawOrder is the order the list serves them in.
var rawOrder = []string{rawAllNulls, rawFloat, rawMinimal}

// rawServer serves rawBodies by GET and as one list page, each byte as
// written above.
func rawServer(t *testing.T) *api.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/chat/sessions" {
			items := make([]string, len(rawOrder))
			for i, id := range rawOrder {
				items[i] = rawBodies[id]
			}
			_, _ = w.Write([]byte(`{"items":[` + strings.Join(items, ",\n") + `],"next":null}`))
			return
		}
		body, ok := rawBodies[strings.TrimPrefix(r.URL.Path, "/chat/sessions/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(srv.URL, "a-test-key", api.WithLimiter(rate.NewLimiter(rate.Inf, 1)))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestJSONPrintsTheSessionAsSent: `cxi get --json` and `cxi list --json`
// print each session so that it parses to the same value as the body the
// API sent (every null, empty object, number literal and unknown field,
// compared with json.Number), keys in the order sent, and no character a
// terminal would obey left raw.
func TestJSONPrintsTheSessionAsSent(t *testing.T) {
	c := rawServer(t)
	for _, id := range rawOrder {
		out, errOut, code := runGet(t, c, "--json", id)
		if code != command.ExitOK || errOut != "" {
			t.Fatalf("get --json %s: exit %d, %s", id, code, errOut)
		}
		assertNoControls(t, out)
		assertSameDocument(t, rawBodies[id], out)
	}

	var out, errOut bytes.Buffer
	env := command.Env{Stdout: &out, Stderr: &errOut, Now: func() time.Time { return now }}
	if code := list(context.Background(), []string{"--json"}, env, fixed(c)); code != command.ExitOK || errOut.Len() > 0 {
		t.Fatalf("list --json: exit %d, %s", code, errOut.String())
	}
	assertNoControls(t, out.String())
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(rawOrder) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(rawOrder), out.String())
	}
	for i, id := range rawOrder {
		assertSameDocument(t, rawBodies[id], lines[i])
	}
}

// assertSameDocument checks that got parses to the value of want, numbers
// as their literals, and lists its object keys in the same order.
func assertSameDocument(t *testing.T, want, got string) {
	t.Helper()
	w, g := decodeNumbers(t, want), decodeNumbers(t, got)
	if !reflect.DeepEqual(w, g) {
		t.Errorf("printed JSON is not the value sent:\nsent    %s\nprinted %s", want, got)
	}
	if wk, gk := keyOrder(t, want), keyOrder(t, got); !reflect.DeepEqual(wk, gk) {
		t.Errorf("keys in another order:\nsent    %v\nprinted %v", wk, gk)
	}
}

func decodeNumbers(t *testing.T, doc string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v in %s", err, doc)
	}
	return v
}

// keyOrder lists every object key of doc in document order.
func keyOrder(t *testing.T, doc string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(doc))
	var keys []string
	var inObject []bool // per open container: an object, expecting a key
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				inObject = append(inObject, true)
				expectKey = true
				continue
			case '[':
				inObject = append(inObject, false)
			case '}', ']':
				inObject = inObject[:len(inObject)-1]
			}
		case string:
			if expectKey {
				keys = append(keys, v)
				expectKey = false
				continue
			}
		}
		expectKey = len(inObject) > 0 && inObject[len(inObject)-1]
	}
	return keys
}

// TestFieldReachesWhatTheAPISent: --field walks the session as sent, so it
// reaches fields cxi does not know, prints numbers with their digits and
// nested values in the order sent; a misspelt path is still a usage error
// and an absent optional field still "no value".
func TestFieldReachesWhatTheAPISent(t *testing.T) {
	c := rawServer(t)
	for _, tc := range []struct {
		id, path, want string
		code           int
	}{
		{rawAllNulls, "ticket_number", "9007199254740993", command.ExitOK},
		{rawFloat, "ticket_number", "1042.5", command.ExitOK},
		{rawFloat, "custom_data.mrr", "1249.990", command.ExitOK},
		{rawAllNulls, "channel.id", "ch_1", command.ExitOK},
		{rawAllNulls, "x_future.deep", `{"big":1e400,"small":-0.0000000001,"empty":{},"list":[]}`, command.ExitOK},
		{rawAllNulls, "x_future.deep.big", "1e400", command.ExitOK},
		{rawAllNulls, "contact.foo.bar.1", "2.50", command.ExitOK},
		{rawAllNulls, "tags", `["vip","\u001b[31mred\u001b[0m","\u202egnp.exe"]`, command.ExitOK},
		{rawAllNulls, "tags.0", "vip", command.ExitOK},
		{rawAllNulls, "contact.created_at", "", command.ExitOK}, // an empty string is a value
		{rawAllNulls, "assignee_id", "", command.ExitNoValue},
		{rawAllNulls, "team.name", "", command.ExitNoValue},
		{rawMinimal, "tags", "", command.ExitUsage}, // not sent, and not in the contract: a misspelling as far as cxi can tell
		{rawMinimal, "contact.email", "", command.ExitNoValue},
		{rawAllNulls, "tags.1", "", command.ExitBadData},
		{rawAllNulls, "contact.foo.bar.4", "", command.ExitBadData},
		{rawAllNulls, "contact.emial", "", command.ExitUsage},
	} {
		out, errOut, code := runGet(t, c, "--field", tc.path, tc.id)
		want := tc.want
		if code == command.ExitOK {
			want += "\n"
		}
		if code != tc.code || out != want {
			t.Errorf("%s --field %s: %q exit %d (%s), want %q exit %d", tc.id[:8], tc.path, out, code, errOut, want, tc.code)
		}
		assertNoControls(t, out+errOut)
	}
}

// TestJSONOfASessionFoundBySearch: a session found by an email address
// (search, then the list) prints as the API sent it too.
func TestJSONOfASessionFoundBySearch(t *testing.T) {
	c := client(t)
	out, errOut, code := runGet(t, c, "--json", "dana.whitfield@example.com")
	if code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	fixture, _ := demo.Fixture(demo.IDAngryHandoff)
	var want map[string]json.RawMessage
	if err := json.Unmarshal(fixture, &want); err != nil {
		t.Fatal(err)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// The demo dates its sessions to the clock: compare what does not move.
	for _, k := range []string{"id", "custom_data", "handoff", "ticketing_system", "ticket_number", "assignee_id"} {
		if string(want[k]) == "" || !bytes.Equal(compact(t, want[k]), compact(t, got[k])) {
			t.Errorf("%s: got %s, want %s", k, got[k], want[k])
		}
	}
	if keyOrder(t, string(fixture))[0] != keyOrder(t, out)[0] {
		t.Errorf("key order changed")
	}
}

func compact(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
