package summary

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/render"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// hostileText is what a contact, a helpdesk or a colleague's note could
// put into a summary to turn the Markdown against its reader.
var hostileText = []string{
	`\[click here\](http://evil.example)`,
	`[click](http://evil.example)`,
	`![img](http://evil.example/x.png)`,
	`[x]: http://evil.example`,
	`__x__`, `~~x~~`, `~x~`, `*x*`, `_x_`, `**x**`, `a_b_c`, `x_www.evil.example`,
	`# heading`, `#heading`, `## x ##`,
	`<b>x</b>`, `<http://evil>`, `<ana@evil.example>`, `<!-- c -->`, `<div>`,
	`&lt;`, `&#91;x&#93;`, `&amp;`,
	"``code``", "`x`", "a`b", "x`",
	`1. list`, `2) list`, `> quote`, `- item`, `+ item`, `* item`, `- [ ] task`,
	`www.evil.example`, `http://evil.example/a`, `https://evil.example`, `ftp://evil.example`, `ana@evil.example`, `(http://evil.example)`,
	`a | b`, `|x|`, `[^1]`, `---`, `===`, `***`, "```", `~~~`, `\`, `x\`, `\\`, `\*x\*`,
	`1.`, `1)`, `*`, `_`, `a_`, `_a`, `a__b`, `é_x_é`, `x_(www.evil.example)`, `HTTP://EVIL.EXAMPLE`,
	`WWW.evil.example`, `mailto:ana@evil.example`, `&`, `&#`, `<`, `x<y`, `a\*b`, "\t# x", `#`, `- - -`, `_ _ _`,
}

// hostileBlock is a note or a handoff summary: block markers can start any
// of its lines.
const hostileBlock = "first line\n    indented code\n\n# heading\n- item\n1. item\ntitle\n===\nsub\n---\n> quote\n```\ncode\n```\n" +
	"~~~\n<div>x</div>\n<!-- c -->\na | b\n--|--\n    \t* x\n[x]: http://evil.example\n\\[click here\\](http://evil.example)\nend \\"

// xify keeps the shape of s (its lines, blank ones, spaces) with every
// other character an x: the same document with harmless data.
func xify(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return r
		}
		return 'x'
	}, s)
}

var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM)) // Linkify, Table, Strikethrough, TaskList

// skeleton is the document's structure: every node but text, in order.
// The same output with harmless data must have the same skeleton, so no
// link, heading, emphasis, list or HTML can have come from the data.
func skeleton(t *testing.T, md string) []string {
	t.Helper()
	doc := gfm.Parser().Parse(text.NewReader([]byte(md)))
	var out []string
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindText, ast.KindString:
			return ast.WalkContinue, nil
		case ast.KindLink, ast.KindImage, ast.KindAutoLink, ast.KindRawHTML, ast.KindHTMLBlock,
			ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindThematicBreak,
			extast.KindStrikethrough, extast.KindTable, extast.KindTaskCheckBox:
			t.Errorf("a %s in the Markdown:\n%s", n.Kind(), md)
		}
		name := n.Kind().String()
		if h, ok := n.(*ast.Heading); ok {
			name += string(rune('0' + h.Level))
		}
		out = append(out, name)
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var tag = regexp.MustCompile(`<[^>]*>`)

// visible is the text a reader sees, spaces collapsed.
func visible(t *testing.T, md string) string {
	t.Helper()
	var b strings.Builder
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return collapse(html.UnescapeString(tag.ReplaceAllString(b.String(), " ")))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// hostileSession has data in every field the summaries show, an unknown
// field among them.
func hostileSession(t *testing.T, h, block string) *api.Session {
	t.Helper()
	doc := map[string]any{
		"id": h, "status": h, "sentiment": h, "ai_closure_type": h,
		"channel":          map[string]any{"type": h},
		"contact":          map[string]any{"id": h, "name": h, "email": h, "phone_number": h},
		"ticketing_system": map[string]any{"name": h, "external_id": h, "id_type": h},
		"ticket_number":    884213,
		"handoff":          map[string]any{"sentiment": h, "summary": block},
		"updated_at":       h,
		h:                  h,
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var s api.Session
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	s.Raw = raw
	return &s
}

func hostileHandover(t *testing.T, h, block string, now time.Time) []store.HandoverItem {
	t.Helper()
	change := store.FieldChange{Name: store.FieldStatus, Before: h, After: h}
	return []store.HandoverItem{{
		Session:     *hostileSession(t, h, block),
		Mark:        store.Mark{ReviewedAt: now.Add(-time.Hour), NoteAt: now.Add(-time.Minute), Note: block},
		SeenAt:      now.Add(-2 * time.Hour),
		Changes:     []store.FieldChange{change, change},
		SinceReview: []store.FieldChange{change},
	}}
}

// outputs are the Markdown documents cxi writes: `cxi get --format md` and
// the copy menu's summary, `cxi handover` and the copy menu's handover.
func outputs(t *testing.T, h, block string) map[string]string {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	return map[string]string{
		"summary":  Markdown(hostileSession(t, h, block), now),
		"handover": HandoverMarkdown(hostileHandover(t, h, block, now), now.Add(-8*time.Hour), now),
	}
}

// checkMarkdown: the Markdown made of h and block has the structure it
// has with harmless data, and shows h and block as they are.
func checkMarkdown(t *testing.T, h, block string) {
	t.Helper()
	safe := outputs(t, xify(h), xify(block))
	for name, md := range outputs(t, h, block) {
		got, want := skeleton(t, md), skeleton(t, safe[name])
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: data %q changed the document's structure\n got %v\nwant %v\n%s", name, h, got, want, md)
			continue
		}
		seen := visible(t, md)
		for _, d := range []string{collapse(render.Line(h)), collapse(render.Block(block))} {
			if d != "" && !strings.Contains(seen, d) {
				t.Errorf("%s: %q is not shown as it is; the reader sees\n%s\nof\n%s", name, d, seen, md)
			}
		}
	}
}

// TestMarkdownCarriesNoStructureFromData: names, notes and summaries that
// are Markdown (a link hidden behind backslashes, emphasis, headings,
// lists, HTML, autolinks, code fences, tables) come out as the text they
// are, in every Markdown cxi writes, read by a CommonMark renderer with
// GitHub's extensions.
func TestMarkdownCarriesNoStructureFromData(t *testing.T) {
	for _, h := range hostileText {
		checkMarkdown(t, h, hostileBlock)
	}
}

// FuzzMarkdown: whatever the data, the Markdown keeps its structure and
// shows the data.
func FuzzMarkdown(f *testing.F) {
	for _, h := range hostileText {
		f.Add(h, hostileBlock)
	}
	f.Fuzz(func(t *testing.T, h, block string) {
		// JSON turns each bad byte into U+FFFD, the sanitizer each bad run:
		// start from what both agree on.
		h, block = strings.ToValidUTF8(h, "\uFFFD"), strings.ToValidUTF8(block, "\uFFFD")
		checkMarkdown(t, h, block)
	})
}
