package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
)

func TestSessionRoundTrips(t *testing.T) {
	s := fresh(t)
	for _, d := range demo.Sessions() {
		want := fixture(t, d.ID)
		want.Raw, _ = demo.Fixture(d.ID)
		save(t, s, t0, want)
		got, at, ok, err := s.Session(ctx, strings.ToUpper(d.ID))
		if err != nil || !ok || !at.Equal(t0) {
			t.Fatalf("%s: ok %v, at %v, err %v", d.ID, ok, at, err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s comes back as\n%+v\nwant\n%+v", d.ID, *got, want)
		}
	}
	if _, _, ok, err := s.Session(ctx, id(999)); ok || err != nil {
		t.Errorf("a session never kept: %v %v", ok, err)
	}
}

func TestRawIsKeptWhileCurrent(t *testing.T) {
	s := fresh(t)
	// A body is what its session was decoded from, byte for byte.
	get := session(id(1), 0)
	body, err := json.Marshal(get)
	if err != nil {
		t.Fatal(err)
	}
	get.Raw = body
	save(t, s, t0, get)

	raw := func() string {
		got, _, _, err := s.Session(ctx, id(1))
		if err != nil {
			t.Fatal(err)
		}
		return string(got.Raw)
	}
	// The same session from a list page (no Raw): the body stays.
	save(t, s, t0.Add(time.Minute), session(id(1), 0))
	if raw() != string(body) {
		t.Errorf("an unchanged list item dropped the raw body: %q", raw())
	}
	// A changed one: the body is older than the data now, and goes.
	save(t, s, t0.Add(2*time.Minute), session(id(1), 0, withStatus(api.StatusClosedResolved)))
	if raw() != "" {
		t.Errorf("a stale raw body was kept: %q", raw())
	}
	_, at, _, _ := s.Session(ctx, id(1))
	if !at.Equal(t0.Add(2 * time.Minute)) {
		t.Errorf("fetched at %v", at)
	}
}

func TestSessionsQuery(t *testing.T) {
	s := fresh(t)
	handedOff := func(x *api.Session) { x.Handoff = &api.Handoff{Summary: "x"} }
	email := func(x *api.Session) { x.Channel.Type = api.ChannelEmail }
	save(t, s, t0,
		session(id(1), 1*time.Hour, handedOff),
		session(id(2), 2*time.Hour, email),
		session(id(3), 3*time.Hour, withStatus(api.StatusClosedResolved), email, handedOff),
		session(id(4), 30*time.Minute, withStatus(api.StatusClosedUnresolved)),
		session(id(5), 48*time.Hour),
	)
	list := func(q Query) string {
		got, err := s.Sessions(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, x := range got {
			out = append(out, x.ID[:8])
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct {
		q    Query
		want string
	}{
		{Query{}, "00000004 00000001 00000002 00000003 00000005"},
		{Query{Status: api.StatusOpen}, "00000001 00000002 00000005"},
		{Query{HandedOff: true}, "00000001 00000003"},
		{Query{Channel: api.ChannelEmail}, "00000002 00000003"},
		{Query{UpdatedAfter: t0.Add(-24 * time.Hour)}, "00000004 00000001 00000002 00000003"},
		{Query{Status: api.StatusOpen, Channel: api.ChannelEmail}, "00000002"},
		{Query{Limit: 2}, "00000004 00000001"},
		{Query{Limit: 2, Offset: 2}, "00000002 00000003"},
		{Query{Offset: 4}, "00000005"},
	} {
		if got := list(tt.q); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.q, got, tt.want)
		}
	}
}

func TestSync(t *testing.T) {
	s := fresh(t)
	if at, err := s.Sync(ctx, "status=open"); !at.IsZero() || err != nil {
		t.Errorf("never synced: %v %v", at, err)
	}
	if err := s.SetSync(ctx, "status=open", t0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSync(ctx, "status=open", t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if at, err := s.Sync(ctx, "status=open"); !at.Equal(t0.Add(time.Minute)) || err != nil {
		t.Errorf("synced at %v, %v", at, err)
	}
	if at, _ := s.Sync(ctx, ""); !at.IsZero() {
		t.Errorf("another key: %v", at)
	}
}

// TestListItemRawIsKeptAndHandedBack: a list item's body is kept as a
// GET's is, replaces an older body even when the fields cxi decodes did not
// change (a field cxi does not know may have), and comes back from every
// way the store hands sessions out, so that --json, the raw view and
// --field agree offline.
func TestListItemRawIsKeptAndHandedBack(t *testing.T) {
	s := fresh(t)
	item := session(id(1), 0, withTicket("zendesk", "ZD-1", 0))
	item.Raw = json.RawMessage(`{"id":"` + id(1) + `","tags":["vip"]}`)
	save(t, s, t0, item)
	later := item
	later.Raw = json.RawMessage(`{"id":"` + id(1) + `","tags":["vip","refund"]}`)
	save(t, s, t0.Add(time.Minute), later)

	want := string(later.Raw)
	got, _, _, err := s.Session(ctx, id(1))
	if err != nil || string(got.Raw) != want {
		t.Errorf("Session: Raw %s (%v), want %s", got.Raw, err, want)
	}
	all, err := s.Sessions(ctx, Query{})
	if err != nil || len(all) != 1 || string(all[0].Raw) != want {
		t.Errorf("Sessions: %+v (%v), want one with Raw %s", all, err, want)
	}
	found, err := s.FindText(ctx, "ZD-1")
	if err != nil || len(found) != 1 || string(found[0].Session.Raw) != want {
		t.Errorf("FindText: %+v (%v), want one with Raw %s", found, err, want)
	}
}
