package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestMigrationToVersion4 takes a version 3 store, which kept each session
// twice (cxi's encoding in doc beside the API's body in raw), to version 4:
// a session with a body keeps only the body and reads back the same; one
// without keeps its doc.
func TestMigrationToVersion4(t *testing.T) {
	dir, old, withBody := oldStore(t, 3)
	body := []byte(withBody.Raw)
	bare := session(id(2), 0)
	bareDoc, err := json.Marshal(bare)
	if err != nil {
		t.Fatal(err)
	}
	save(t, old, t0, withBody, bare)
	// Version 3 wrote doc for every session: put it back as it was.
	for _, s := range []struct {
		id  string
		doc []byte
	}{{id(1), body}, {id(2), bareDoc}} {
		if _, err := old.db.Exec("UPDATE sessions SET doc = ? WHERE id = ?", string(s.doc), s.id); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := mustOpen(t, options(dir))
	if got := userVersion(t, s); got != SchemaVersion() {
		t.Fatalf("migrated to version %d, want %d", got, SchemaVersion())
	}
	docLen := func(id string) int {
		var n int
		if err := s.db.QueryRow("SELECT length(doc) FROM sessions WHERE id = ?", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := docLen(id(1)); n != 0 {
		t.Errorf("a session with its body still has a doc of %d bytes", n)
	}
	if n := docLen(id(2)); n == 0 {
		t.Error("a session without a body lost its doc")
	}
	for _, want := range []struct {
		id   string
		sess any
	}{{id(1), withBody}, {id(2), bare}} {
		got, ok, err := sessionOK(s, want.id)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", want.id, ok, err)
		}
		if !reflect.DeepEqual(*got, want.sess) {
			t.Errorf("%s reads back as\n%+v\nwant\n%+v", want.id, *got, want.sess)
		}
	}
	if found, err := s.FindText(ctx, "zd-1"); err != nil || len(found) != 1 || string(found[0].Session.Raw) != string(body) {
		t.Errorf("find: %v %v", ids(found), err)
	}
	if found, err := s.Search(ctx, "refund"); err != nil || len(found) != 1 {
		t.Errorf("search: %v %v", ids(found), err)
	}
}
