package local

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/packed"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// TestStoreClearLeavesNoTextOnDisk: after `cxi store clear --yes` none of
// what the store held is in its files (the database, its write-ahead log
// and the log's index): not a card number typed in a chat, not a note,
// not a summary.
func TestStoreClearLeavesNoTextOnDisk(t *testing.T) {
	w := newWorld(t, nil)
	shift(t, w)
	const card, noted = "4111111111111111", "zqxjvortex"
	st := w.open(t, settings.Flags{Demo: true}, "")
	star := fixture(t, demo.IDAngryHandoff)
	events := []api.Event{{ID: "m-1", Type: "message", Text: "my card is " + card}, {ID: "m-2", Type: "message", Text: "thanks"}}
	must(t, st.SaveHistory(t.Context(), star.ID, events, true, now.Add(-time.Hour)))
	must(t, st.SetNote(t.Context(), star.ID, "asked about "+noted, now.Add(-time.Hour)))
	st.Close()
	path := filepath.Join(w.state, "demo.sqlite")
	// A session's body is kept packed (api/packed): its text is not in
	// the bytes, so every packed body the files hold, live or not, is
	// looked into too.
	onDisk := func(word string) int {
		n := 0
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if b, err := os.ReadFile(path + suffix); err == nil {
				n += bytes.Count(b, []byte(word))
				for i := range b {
					if !packed.Packed(b[i:]) {
						continue
					}
					if body, err := packed.Unpack(b[i:]); err == nil {
						n += bytes.Count(body, []byte(word))
					}
				}
			}
		}
		return n
	}
	words := []string{card, noted, "Wants the refund in cash."}
	for _, word := range words {
		if onDisk(word) == 0 {
			t.Fatalf("%q is not in the store's files before, so its absence would prove nothing", word)
		}
	}
	if out, errOut, code := w.run(NewStoreCommand, "--demo", "clear", "--yes"); code != command.ExitOK || errOut != "" {
		t.Fatalf("exit %d, %q %q", code, out, errOut)
	}
	for _, word := range words {
		if n := onDisk(word); n != 0 {
			t.Errorf("%q is still in the store's files %d times after clear", word, n)
		}
	}
}
