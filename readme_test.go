package main

import (
	"bufio"
	"bytes"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/opencx-tools/cxi/ui/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// The README is read as Markdown (goldmark, GFM tables), not grepped: its
// key tables, its screenshots and its config example are data the tests
// below hold to the code, so the README cannot promise a key, a screen or
// a setting the program does not have.

// readme is README.md parsed.
type readme struct {
	src  []byte
	root ast.Node
}

func readREADME(t *testing.T) readme {
	t.Helper()
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	return readme{src: src, root: md.Parser().Parse(text.NewReader(src))}
}

// nodes is every node of the README of kind k, in document order.
func (r readme) nodes(k ast.NodeKind) []ast.Node {
	var out []ast.Node
	_ = ast.Walk(r.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == k {
			out = append(out, n)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// lines is a block's text as written (a code block's content, an HTML
// block's markup).
func (r readme) lines(n ast.Node) string {
	var b strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

// codeSpans is the text of each code span in n: the key names of a cell.
func (r readme) codeSpans(n ast.Node) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Kind() != ast.KindCodeSpan {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *ast.Text:
				b.Write(t.Value(r.src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		out = append(out, b.String())
		return ast.WalkSkipChildren, nil
	})
	return out
}

// plain is a cell's text without its Markdown: a table's header.
func (r readme) plain(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Value(r.src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// keyRow is one row of a key table: the keys it names, the second
// column's code span (an action name), its plain text (a menu's name),
// and the row as written, for the failure message.
type keyRow struct {
	keys   []string
	action string
	in     string
	line   string
}

// keyTables is the rows of every table whose first two headers are first
// and second.
func (r readme) keyTables(first, second string) []keyRow {
	var rows []keyRow
	for _, n := range r.nodes(east.KindTable) {
		header := n.FirstChild()
		cells := cellsOf(header)
		if len(cells) < 2 || r.plain(cells[0]) != first || r.plain(cells[1]) != second {
			continue
		}
		for row := header.NextSibling(); row != nil; row = row.NextSibling() {
			cells := cellsOf(row)
			action := r.codeSpans(cells[1])
			kr := keyRow{keys: r.codeSpans(cells[0]), in: r.plain(cells[1]), line: r.plain(cells[0]) + " | " + r.plain(cells[1])}
			if len(action) == 1 {
				kr.action = action[0]
			}
			rows = append(rows, kr)
		}
	}
	return rows
}

func cellsOf(row ast.Node) []ast.Node {
	var out []ast.Node
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// bindings is every key.Binding field of a key set (keys.Map, or the set
// of a menu), in field order.
func bindings(set any) []key.Binding {
	v := reflect.ValueOf(set)
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

// bound reports whether name, as the README writes a key ("↑", "pgdn",
// "space", "ctrl+u", "G"), is one of b's keys: as the help shows it or as
// the config file writes it.
func bound(b key.Binding, name string) bool {
	return slices.ContainsFunc(b.Keys(), func(k string) bool { return k == name || keys.HelpName(k) == name })
}

// TestREADMEKeysAreBound holds every key table of the README ("| key |
// action |" with the config file's action names, and "| key | in |" for the
// menus) to keys.Default(): each key a row names must be bound to that
// action, or in that menu, as the program starts. A default changed in
// ui/keys without the README (or a README row written from memory, like
// "space pages down" once was) fails here.
func TestREADMEKeysAreBound(t *testing.T) {
	r := readREADME(t)
	km := keys.Default()
	// config.Actions is keys.Map's bindings in field order, by the names
	// [keys] and the README use.
	byAction := map[string]key.Binding{}
	names := config.Actions()
	fields := bindings(km)
	if len(names) != len(fields) {
		t.Fatalf("config.Actions() has %d names for %d bindings of keys.Map", len(names), len(fields))
	}
	for i, name := range names {
		byAction[name] = fields[i]
	}

	rows := r.keyTables("key", "action")
	if len(rows) < 20 {
		t.Fatalf("the README's key tables (| key | action | …) have %d rows; the everyday keys are not found", len(rows))
	}
	for _, row := range rows {
		b, ok := byAction[row.action]
		if !ok {
			t.Errorf("README row %q: %q is no action (actions: %s)", row.line, row.action, strings.Join(names, ", "))
			continue
		}
		if len(row.keys) == 0 {
			t.Errorf("README row %q names no key", row.line)
		}
		for _, k := range row.keys {
			if !bound(b, k) {
				t.Errorf("README row %q: %s is not bound to %s (its keys: %q)", row.line, k, row.action, b.Keys())
			}
		}
	}

	menus := map[string]any{
		"filter picker": km.ForFilterPicker(),
		"copy menu":     km.ForCopyMenu(),
		"search picker": km.ForPicker(),
		"status menu":   km.ForStatusMenu(),
		"note editor":   km.ForNoteEditor(),
		"redaction":     km.ForRedaction(),
	}
	menuRows := r.keyTables("key", "in")
	if len(menuRows) == 0 {
		t.Fatal("the README's menu keys (| key | in | …) are not found")
	}
	for _, row := range menuRows {
		set, ok := menus[row.in]
		if !ok {
			t.Errorf("README row %q: no menu called %q", row.line, row.in)
			continue
		}
		for _, k := range row.keys {
			if !slices.ContainsFunc(bindings(set), func(b key.Binding) bool { return bound(b, k) }) {
				t.Errorf("README row %q: %s does nothing in the %s", row.line, k, row.in)
			}
		}
	}
}

// TestREADMEScreenshotsAreTheGoldens holds each screenshot of the README
// (a text block after <!-- golden: PATH -->) to the first lines of that
// golden file, which ui's TestGolden renders from the program at a fixed
// size and clock. Only the trailing blanks of each line are dropped: the
// README's block is the screen as drawn.
func TestREADMEScreenshotsAreTheGoldens(t *testing.T) {
	r := readREADME(t)
	marker := regexp.MustCompile(`^<!-- golden: (\S+) -->\s*$`)
	found := 0
	for _, n := range r.nodes(ast.KindHTMLBlock) {
		m := marker.FindStringSubmatch(r.lines(n))
		if m == nil {
			continue
		}
		found++
		block, ok := n.NextSibling().(*ast.FencedCodeBlock)
		if !ok {
			t.Errorf("<!-- golden: %s --> is not followed by a code block", m[1])
			continue
		}
		golden, err := os.ReadFile(filepath.FromSlash(m[1]))
		if err != nil {
			t.Errorf("the README's screenshot names %s: %v", m[1], err)
			continue
		}
		shot := trimLines(r.lines(block))
		want := trimLines(string(golden))
		if len(shot) < 5 {
			t.Errorf("the screenshot of %s has %d lines; a screenshot shows more", m[1], len(shot))
		}
		if len(shot) > len(want) {
			t.Errorf("the screenshot of %s has %d lines, the screen %d", m[1], len(shot), len(want))
			continue
		}
		for i := range shot {
			if shot[i] != want[i] {
				t.Errorf("the README's screenshot of %s differs from the screen at line %d:\nREADME: %q\nscreen: %q\n(copy the golden's first %d lines into the README)",
					m[1], i+1, shot[i], want[i], len(shot))
				break
			}
		}
	}
	if found == 0 {
		t.Fatal("the README has no screenshot marked <!-- golden: PATH -->")
	}
}

func trimLines(s string) []string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// TestREADMEConfigLoads loads the README's config example as cxi would
// (a 0600 file) and applies its keys to the defaults: an example that
// names a setting, a value or a key cxi refuses fails here.
func TestREADMEConfigLoads(t *testing.T) {
	r := readREADME(t)
	var examples []string
	for _, n := range r.nodes(ast.KindFencedCodeBlock) {
		if string(n.(*ast.FencedCodeBlock).Language(r.src)) == "toml" {
			examples = append(examples, r.lines(n))
		}
	}
	if len(examples) == 0 {
		t.Fatal("the README has no toml example")
	}
	for i, example := range examples {
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(example), 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := config.Load(path)
		if err != nil {
			t.Errorf("the README's toml example %d does not load: %v", i+1, err)
			continue
		}
		km := keys.Default()
		if err := file.ApplyKeys(&km); err != nil {
			t.Errorf("the README's toml example %d does not apply to the default keys: %v", i+1, err)
		}
	}
}

// TestREADMELeadsWithTheTwoCommands keeps the README's first block the
// two commands a newcomer runs, and its Go version and install line
// those of go.mod.
func TestREADMELeadsWithTheTwoCommands(t *testing.T) {
	r := readREADME(t)
	blocks := r.nodes(ast.KindFencedCodeBlock)
	if len(blocks) == 0 {
		t.Fatal("the README has no code block")
	}
	var commands []string
	for _, l := range strings.Split(strings.TrimSpace(r.lines(blocks[0])), "\n") {
		cmd, _, _ := strings.Cut(l, "#")
		commands = append(commands, strings.TrimSpace(cmd))
	}
	if !slices.Equal(commands, []string{"go run . --demo", "go test ./..."}) {
		t.Errorf("the README's first block runs %q, want the demo and the tests", commands)
	}

	mod, goVersion := goMod(t)
	if !bytes.Contains(r.src, []byte("Go "+goVersion+" ")) {
		t.Errorf("the README does not say the Go version go.mod needs (%s)", goVersion)
	}
	if install := "go install " + mod + "@latest"; !bytes.Contains(r.src, []byte(install)) {
		t.Errorf("the README does not install with %q", install)
	}
}

// goMod is go.mod's module path and go version.
func goMod(t *testing.T) (module, version string) {
	t.Helper()
	f, err := os.Open("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if m, ok := strings.CutPrefix(s.Text(), "module "); ok {
			module = strings.TrimSpace(m)
		}
		if v, ok := strings.CutPrefix(s.Text(), "go "); ok {
			version = strings.TrimSpace(v)
		}
	}
	if module == "" || version == "" {
		t.Fatalf("go.mod names no module or go version (%q, %q)", module, version)
	}
	return module, version
}

// packageDirs is the directory of every package of the module, slash
// separated and relative to it ("ui/queue"), the root as ".".
func packageDirs(t *testing.T) []string {
	t.Helper()
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			if _, err := build.ImportDir(path, 0); err == nil {
				dirs = append(dirs, filepath.ToSlash(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// TestEveryPackageSaysWhatItHolds: the architecture lives in the package
// comments (go doc), so every package has one, starting as Go's convention
// asks.
func TestEveryPackageSaysWhatItHolds(t *testing.T) {
	dirs := packageDirs(t)
	if len(dirs) < 40 {
		t.Fatalf("found %d packages; the walk is broken", len(dirs))
	}
	for _, dir := range dirs {
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := "Package " + p.Name + " "
		if p.Name == "main" {
			want = "Command "
		}
		if !strings.HasPrefix(p.Doc, want) {
			t.Errorf("%s: package comment %q does not start %q", dir, p.Doc, want)
		}
	}
}

// TestDesignDocsNameEveryPackage keeps the maps in ui/doc.go and
// api/doc.go whole: every package under ui/ and api/ is named in its
// tree's doc comment (the README's table once missed 9 of 46), so `go doc
// ./ui` and `go doc ./api` lead to all of them.
func TestDesignDocsNameEveryPackage(t *testing.T) {
	dirs := packageDirs(t)
	for _, tree := range []string{"ui", "api"} {
		doc := packageDoc(t, filepath.Join(tree, "doc.go"))
		for _, dir := range dirs {
			if dir == tree || !strings.HasPrefix(dir, tree+"/") {
				continue
			}
			named := regexp.MustCompile(`(^|[^\w/])` + regexp.QuoteMeta(dir) + `($|[^\w/])`)
			if !named.MatchString(doc) {
				t.Errorf("%s/doc.go does not name %s: add it to the map, with what it holds", tree, dir)
			}
		}
	}
}

// packageDoc is the package comment of one file.
func packageDoc(t *testing.T, path string) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatalf("%s has no package comment", path)
	}
	return f.Doc.Text()
}
