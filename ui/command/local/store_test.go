package local

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// stable replaces the test's folders with names that do not change.
func (w *world) stable(out string) string {
	return strings.ReplaceAll(strings.ReplaceAll(out, w.state, "$STATE"), w.vars["CXI_CONFIG"], "$CONFIG")
}

func TestStoreGoldens(t *testing.T) {
	w := newWorld(t, map[string]string{"OPENCX_API_KEY": "sk-test"})
	t.Run("none yet", func(t *testing.T) {
		out, errOut, code := w.run(NewStoreCommand, "--demo")
		if code != command.ExitOK || errOut != "" {
			t.Fatalf("exit %d, %q", code, errOut)
		}
		if _, err := os.Stat(w.state); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("cxi store made a store: %v", err)
		}
		golden.RequireEqual(t, []byte(w.stable(out)))
	})
	shift(t, w)
	w.open(t, settings.Flags{}, "sk-test").Close() // another organization's, beside it
	t.Run("demo", func(t *testing.T) {
		out, errOut, code := w.run(NewStoreCommand, "--demo")
		if code != command.ExitOK || errOut != "" {
			t.Fatalf("exit %d, %q", code, errOut)
		}
		golden.RequireEqual(t, []byte(sizeless(w.stable(out))))
	})
	t.Run("off", func(t *testing.T) {
		out, _, code := w.run(NewStoreCommand, "--demo", "--no-store")
		if code != command.ExitOK {
			t.Fatalf("exit %d", code)
		}
		golden.RequireEqual(t, []byte(sizeless(w.stable(out))))
	})
}

// sizeless drops the size line, whose bytes vary with SQLite's page use.
func sizeless(out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "Size:") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

func TestStoreClear(t *testing.T) {
	w := newWorld(t, nil)
	shift(t, w)
	path := filepath.Join(w.state, "demo.sqlite")
	damaged := path + ".corrupt-20260301T120000Z"
	must(t, os.WriteFile(damaged, []byte("garbage"), 0o600))

	// No terminal, no --yes: refused, nothing touched.
	_, errOut, code := w.run(NewStoreCommand, "--demo", "clear")
	if code != command.ExitUsage || !strings.Contains(errOut, "pass --yes to empty "+path) {
		t.Errorf("without --yes: exit %d, %q", code, errOut)
	}
	// On a terminal it asks; anything but yes leaves it.
	env, out, errBuf := w.env("n\n", true)
	if code := runStore([]string{"--demo", "clear"}, env); code != command.ExitError || !strings.Contains(errBuf.String(), "? [y/N]") ||
		!strings.Contains(errBuf.String(), "nothing cleared") {
		t.Errorf("answered no: exit %d, %q %q", code, out, errBuf)
	}
	if st := stats(t, w); st.Sessions != 5 {
		t.Fatalf("cleared without a yes: %+v", st)
	}
	env, out, errBuf = w.env("yes\n", true)
	if code := runStore([]string{"--demo", "clear"}, env); code != command.ExitOK ||
		!strings.Contains(errBuf.String(), "Empty the local store "+path+" (5 sessions, 3 you looked at, 4 reviewed, 3 notes, 0 transcripts)? [y/N] ") ||
		!strings.Contains(out.String(), "Emptied "+path) || !strings.Contains(out.String(), "Removed 1 damaged copies") {
		t.Errorf("answered yes: exit %d, %q %q", code, out, errBuf)
	}
	if st := stats(t, w); st.Sessions+st.Seen+st.Reviewed+st.Notes != 0 {
		t.Errorf("after clear: %+v", st)
	}
	if _, err := os.Stat(damaged); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the damaged copy is left: %v", err)
	}
	// --yes needs no terminal.
	shift(t, w)
	if out, _, code := w.run(NewStoreCommand, "--demo", "clear", "--yes"); code != command.ExitOK || !strings.Contains(out, "Emptied") {
		t.Errorf("--yes: exit %d, %q", code, out)
	}
	// Nothing there: nothing to do, and nothing made.
	fresh := newWorld(t, nil)
	if out, _, code := fresh.run(NewStoreCommand, "--demo", "clear", "--yes"); code != command.ExitOK || !strings.Contains(out, "Nothing to clear") {
		t.Errorf("no store: exit %d, %q", code, out)
	}
	if _, err := os.Stat(fresh.state); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("clear made a store: %v", err)
	}
}

// stats is what the demo's store holds now.
func stats(t *testing.T, w *world) store.Stats {
	t.Helper()
	st := w.open(t, settings.Flags{Demo: true}, "")
	defer st.Close()
	s, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStoreUsage(t *testing.T) {
	w := newWorld(t, nil)
	for _, args := range [][]string{{"--demo", "wipe"}, {"--demo", "clear", "now"}, {"--demo", "--all"}} {
		_, errOut, code := w.run(NewStoreCommand, args...)
		if code != command.ExitUsage || !strings.Contains(errOut, "Usage:\n  store ") {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
	if out, _, code := w.run(NewStoreCommand, "-h"); code != command.ExitOK || !strings.HasPrefix(out, storeLong) || !strings.Contains(out, "--yes") {
		t.Errorf("-h: %d %q", code, out)
	}
}

func TestStoreTellsOfADamagedStore(t *testing.T) {
	w := newWorld(t, nil)
	must(t, os.MkdirAll(w.state, 0o700))
	must(t, os.WriteFile(filepath.Join(w.state, "demo.sqlite"), []byte(strings.Repeat("not sqlite ", 500)), 0o600))
	out, errOut, code := w.run(NewStoreCommand, "--demo")
	if code != command.ExitOK || !strings.Contains(errOut, "cxi: The local store "+filepath.Join(w.state, "demo.sqlite")+" could not be read") ||
		!strings.Contains(out, "Damaged copies moved aside: 1") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestStoreWithNoPlaceForIt: no home directory and no CXI_STATE_DIR is no
// mistake on the command line: exit 1, as for cxi log, without the usage.
func TestStoreWithNoPlaceForIt(t *testing.T) {
	w := newWorld(t, nil)
	delete(w.vars, store.EnvDir)
	for _, cmd := range []struct {
		name string
		run  func(command.Env) *cobra.Command
	}{{"store", NewStoreCommand}, {"handover", NewHandoverCommand}} {
		out, errOut, code := w.run(cmd.run, "--demo")
		if code != command.ExitError || out != "" || !strings.HasPrefix(errOut, "cxi: the local store has no place: no home directory") || strings.Contains(errOut, "Usage:") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", cmd.name, code, out, errOut)
		}
	}
}

// TestALinkWhereTheStoreWouldBeIsSaid: a symbolic link at the store's file
// is refused by the store; cxi store and cxi store clear say what is
// there, instead of "made the first time cxi runs", and leave it alone.
func TestALinkWhereTheStoreWouldBeIsSaid(t *testing.T) {
	w := newWorld(t, nil)
	if err := os.MkdirAll(w.state, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(w.state, "demo.sqlite")
	if err := os.Symlink(filepath.Join(t.TempDir(), "elsewhere.sqlite"), link); err != nil {
		t.Fatal(err)
	}
	out, _, code := w.run(NewStoreCommand, "--demo")
	if code != command.ExitOK || !strings.Contains(out, "is a symbolic link, which cxi neither follows nor removes") || strings.Contains(out, "made the first time") {
		t.Errorf("cxi store: exit %d\n%s", code, out)
	}
	out, _, code = w.run(NewStoreCommand, "--demo", "clear", "--yes")
	if code != command.ExitOK || !strings.HasPrefix(out, "Nothing cleared: ") || !strings.Contains(out, "symbolic link") {
		t.Errorf("cxi store clear: exit %d\n%s", code, out)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is gone or changed: %v, %v", fi, err)
	}
}
