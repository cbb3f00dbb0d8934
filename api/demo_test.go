package api_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

// faulty are the demo sessions fake.New answers with a fault by default.
var faulty = map[string]bool{demo.IDSlow: true, demo.IDBadGateway: true, demo.IDRateLimited: true}

// TestDemoFixturesDecode: what `cxi --demo` shows is what the real client
// reads. Every demo session served by the fake (its faults left in place)
// decodes, and decodes completely: re-encoding the Session gives the
// fixture back, up to nulls and empty objects, so no field is lost to a
// wrong tag or type.
func TestDemoFixturesDecode(t *testing.T) {
	_, base := startFake(t, demo.NewServer())
	c := newClientKey(t, base, fake.DemoKey)
	for _, d := range demo.Sessions() {
		if faulty[d.ID] {
			continue // TestDemoFaults
		}
		t.Run(d.ID[:8], func(t *testing.T) {
			t.Parallel()
			s, err := c.GetSession(context.Background(), d.ID)
			if err != nil {
				t.Fatalf("%s: %v", d.Title, err)
			}
			if s.ID != d.ID {
				t.Errorf("ID = %q, want %q", s.ID, d.ID)
			}
			fixture, _ := demo.Fixture(d.ID)
			assertSameJSON(t, fixture, s)
		})
	}
}

// TestDemoFixturesDecodeWithoutFaults: the fixtures behind the faulty
// sessions are sessions too, as the demo shows them once the fault clears.
func TestDemoFixturesDecodeWithoutFaults(t *testing.T) {
	_, base := startFake(t, demo.NewServer(fake.WithoutFaults()))
	c := newClientKey(t, base, fake.DemoKey)
	for id := range faulty {
		s, err := c.GetSession(context.Background(), id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		fixture, _ := demo.Fixture(id)
		assertSameJSON(t, fixture, s)
	}
}

func TestDemoFaults(t *testing.T) {
	_, base := startFake(t, demo.NewServer())

	t.Run("bad gateway", func(t *testing.T) {
		_, err := newClientKey(t, base, fake.DemoKey).GetSession(context.Background(), demo.IDBadGateway)
		e := asError(t, err, base)
		if e.Kind != api.KindNotJSON || e.Status != 502 || e.Excerpt != "502 Bad Gateway nginx/1.25.3" {
			t.Errorf("got kind %v status %d excerpt %q", kindName(e.Kind), e.Status, e.Excerpt)
		}
	})

	t.Run("rate limited", func(t *testing.T) {
		sent := time.Now()
		_, err := newClientKey(t, base, fake.DemoKey).GetSession(context.Background(), demo.IDRateLimited)
		e := asError(t, err, base)
		if e.Kind != api.KindRateLimited || e.Status != 429 || e.Message != "ThrottlerException: Too Many Requests" {
			t.Errorf("got kind %v status %d message %q", kindName(e.Kind), e.Status, e.Message)
		}
		if lo, hi := sent.Add(29*time.Second), time.Now().Add(31*time.Second); e.RetryAt.Before(lo) || e.RetryAt.After(hi) {
			t.Errorf("RetryAt = %v, want 30 s after the request", e.RetryAt)
		}
	})

	// The slow session answers after demo.SlowDelay (3 s); neither case
	// waits for it.
	t.Run("slow, caller's deadline first", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := newClientKey(t, base, fake.DemoKey).GetSession(ctx, demo.IDSlow)
		e := asError(t, err, base)
		if e.Kind != api.KindCanceled || time.Since(start) > demo.SlowDelay/2 {
			t.Errorf("got kind %v after %v, want KindCanceled well before %v", kindName(e.Kind), time.Since(start), demo.SlowDelay)
		}
	})
	t.Run("slow, client timeout first", func(t *testing.T) {
		start := time.Now()
		_, err := newClientKey(t, base, fake.DemoKey, api.WithTimeout(100*time.Millisecond)).GetSession(context.Background(), demo.IDSlow)
		e := asError(t, err, base)
		if e.Kind != api.KindTimeout || time.Since(start) > demo.SlowDelay/2 {
			t.Errorf("got kind %v after %v, want KindTimeout well before %v", kindName(e.Kind), time.Since(start), demo.SlowDelay)
		}
	})
}

// assertSameJSON compares a fixture with the Session re-encoded, both
// decoded generically and with nulls and empty objects dropped (the Session
// cannot tell an absent optional field from a null one, nor needs to).
func assertSameJSON(t *testing.T, fixture []byte, s *api.Session) {
	t.Helper()
	encoded, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	if err := json.Unmarshal(fixture, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(encoded, &got); err != nil {
		t.Fatal(err)
	}
	want, got = prune(want), prune(got)
	if !reflect.DeepEqual(want, got) {
		w, _ := json.MarshalIndent(want, "", " ")
		g, _ := json.MarshalIndent(got, "", " ")
		t.Errorf("the decoded session differs from its fixture:\n%s", lineDiff(string(w), string(g)))
	}
}

func prune(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			x = prune(x)
			if m, ok := x.(map[string]any); x == nil || (ok && len(m) == 0) {
				delete(v, k)
				continue
			}
			v[k] = x
		}
		return v
	case []any:
		for i := range v {
			v[i] = prune(v[i])
		}
	}
	return v
}

// lineDiff lists the lines only one side has; enough to spot a lost field.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(got, "\n") {
		count[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			count[l]--
			continue
		}
		b.WriteString("- " + l + "\n")
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] > 0 {
			count[l]--
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
