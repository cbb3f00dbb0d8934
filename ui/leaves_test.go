package ui

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/opencx-tools/cxi"

// shared are the packages under ui that are not views: the small things
// every view is built with (common, keys, the overlay stack and the
// choices a view asks it for), the helpers that draw or explain (render,
// scroll, explain, summary, clipboard, notify), the user's commands (useraction,
// which the menu and the run pane show) and the test helpers. Every other
// package under ui, but the commands', is a view.
var shared = []string{
	"ui/clipboard", "ui/common", "ui/explain", "ui/internal/keytest", "ui/internal/screentest",
	"ui/keys", "ui/notify", "ui/overlay", "ui/render", "ui/scroll", "ui/summary", "ui/useraction", "ui/useraction/expand",
}

// isView reports whether the package at dir (relative to the module) is a
// view: a leaf under the root, imported by the root alone.
func isView(dir string) bool {
	return strings.HasPrefix(dir, "ui/") && dir != "ui/command" && !strings.HasPrefix(dir, "ui/command/") && !slices.Contains(shared, dir)
}

// imports is every package of the module and the module's packages its
// non-test files import, read with go/parser.
func imports(t *testing.T, root string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(p))
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(rel)
		for _, im := range f.Imports {
			ip, err := strconv.Unquote(im.Path.Value)
			if err != nil {
				return err
			}
			if to, ok := strings.CutPrefix(ip, module+"/"); ok && !slices.Contains(out[dir], to) {
				out[dir] = append(out[dir], to)
			}
		}
		if _, ok := out[dir]; !ok {
			out[dir] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestViewsAreLeaves: only the root ui package imports a view; a view that
// needs another's news gets it from the root as an Event, and an overlay
// it wants opened is a choice the root builds (STYLE.md, "Views are
// leaves"). It reads the program's files, not the tests': a view's test
// may open the overlay the view asks for as the root does (queue's
// filter picker, review's note editor), and the write commands' tests
// hold their words to the TUI's (ui/actions).
func TestViewsAreLeaves(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module root is not %s: %v", root, err)
	}
	all := imports(t, root)
	views := 0
	for dir, ims := range all {
		if isView(dir) {
			views++
		}
		for _, im := range ims {
			if isView(im) && dir != "ui" {
				t.Errorf("%s imports the view %s: only the root ui may", dir, im)
			}
		}
	}
	for _, s := range shared {
		if _, ok := all[s]; !ok {
			t.Errorf("the shared package %s is gone: update the list", s)
		}
	}
	// The test sees the views it guards: the queue at least, and the
	// overlays.
	if !isView("ui/queue") || views < 10 {
		t.Errorf("found %d views", views)
	}
}
