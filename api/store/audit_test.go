package store

import (
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

func TestAuditRoundTrip(t *testing.T) {
	s := fresh(t)
	entries := []AuditEntry{
		{At: t0.Add(-2 * time.Hour), SessionID: id(1), Action: ActionClose, Options: []string{"helpdesk", "summary"},
			Before: api.StatusOpen, After: api.StatusClosedResolved, Outcome: "ok", Source: SourceCommand},
		{At: t0.Add(-time.Hour), SessionID: id(2), MessageID: "m-7", Action: ActionRedact, Options: []string{"reason: GDPR request"},
			Outcome: "failed (HTTP 500)", Source: SourceTUI},
		{At: t0.Add(-time.Hour), SessionID: id(3), Action: ActionReopen, Before: api.StatusClosedResolved, Outcome: "not found", Source: SourceCommand},
	}
	for _, e := range entries {
		if err := s.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.AuditLog(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(entries) {
		t.Fatalf("%d entries, want %d", len(got), len(entries))
	}
	for i := range got {
		if !got[i].At.Equal(entries[i].At) {
			t.Errorf("entry %d at %v, want %v", i, got[i].At, entries[i].At)
		}
		got[i].At = entries[i].At
		if !reflect.DeepEqual(got[i], entries[i]) {
			t.Errorf("entry %d\n%+v\nwant\n%+v", i, got[i], entries[i])
		}
	}
	// since is inclusive; the two at the same time keep the order they were recorded in.
	got, err = s.AuditLog(ctx, t0.Add(-time.Hour))
	if err != nil || len(got) != 2 || got[0].SessionID != id(2) || got[1].SessionID != id(3) {
		t.Errorf("since an hour ago: %+v, %v", got, err)
	}
}

func TestAuditOfNilStoreDoesNothing(t *testing.T) {
	var s *Store
	if err := s.Audit(ctx, AuditEntry{At: t0, SessionID: id(1), Action: ActionClose, Outcome: "ok"}); err != nil {
		t.Error(err)
	}
	if got, err := s.AuditLog(ctx, time.Time{}); got != nil || err != nil {
		t.Errorf("%v %v", got, err)
	}
}

func TestAuditIsClearedAndPruned(t *testing.T) {
	dir := stateDir(t)
	s := mustOpen(t, options(dir))
	old := AuditEntry{At: t0.Add(-40 * 24 * time.Hour), SessionID: id(1), Action: ActionClose, Outcome: "ok", Source: SourceCommand}
	recent := AuditEntry{At: t0.Add(-time.Hour), SessionID: id(2), Action: ActionClose, Outcome: "ok", Source: SourceCommand}
	for _, e := range []AuditEntry{old, recent} {
		if err := s.Audit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = mustOpen(t, options(dir)) // prunes what is older than 30 days
	got, err := s.AuditLog(ctx, time.Time{})
	if err != nil || len(got) != 1 || got[0].SessionID != id(2) {
		t.Fatalf("after the prune: %+v, %v", got, err)
	}
	if err := s.Clear(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AuditLog(ctx, time.Time{}); len(got) != 0 || err != nil {
		t.Errorf("after clear: %+v, %v", got, err)
	}
}

func TestMigrationFromVersion2(t *testing.T) {
	dir := stateDir(t)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := File(options(dir))
	old, _, err := openVersion(path, 2)
	if err != nil {
		t.Fatal(err)
	}
	save(t, old, t0, session(id(1), 0))
	if got := userVersion(t, old); got != 2 {
		t.Fatalf("version %d", got)
	}
	if err := old.Audit(ctx, AuditEntry{At: t0, SessionID: id(1), Action: ActionClose, Outcome: "ok"}); err == nil {
		t.Error("a version 2 store took an audit entry")
	}
	old.Close()

	s := mustOpen(t, options(dir))
	if got := userVersion(t, s); got != SchemaVersion() {
		t.Errorf("migrated to version %d, want %d", got, SchemaVersion())
	}
	if _, ok, err := sessionOK(s, id(1)); !ok || err != nil {
		t.Errorf("session: %v %v", ok, err)
	}
	e := AuditEntry{At: t0, SessionID: id(1), Action: ActionClose, Before: api.StatusOpen, After: api.StatusClosedResolved, Outcome: "ok", Source: SourceCommand}
	if err := s.Audit(ctx, e); err != nil {
		t.Fatal(err)
	}
	if got, err := s.AuditLog(ctx, t0); err != nil || len(got) != 1 || got[0].After != api.StatusClosedResolved {
		t.Errorf("audit log %+v, %v", got, err)
	}
}

func TestStatusEntryNamesTheActionAndItsOptions(t *testing.T) {
	for _, tt := range []struct {
		ch   api.StatusChange
		want AuditEntry
	}{
		{api.StatusChange{Status: api.StatusClosedResolved},
			AuditEntry{SessionID: id(1), Action: ActionClose, Before: api.StatusOpen}},
		{api.StatusChange{Status: api.StatusClosedUnresolved, ReflectInHelpdesk: true, GenerateSummary: true},
			AuditEntry{SessionID: id(1), Action: ActionClose, Before: api.StatusOpen, Options: []string{"helpdesk", "summary"}}},
		{api.StatusChange{Status: api.StatusOpen, ReflectInHelpdesk: true},
			AuditEntry{SessionID: id(1), Action: ActionReopen, Before: api.StatusOpen, Options: []string{"helpdesk"}}},
	} {
		if got := StatusEntry(id(1), api.StatusOpen, tt.ch); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("StatusEntry(%+v) = %+v, want %+v", tt.ch, got, tt.want)
		}
	}
}
