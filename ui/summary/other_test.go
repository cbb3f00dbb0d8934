package summary

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestOtherFieldsInTextAndMarkdown: the fields cxi does not know are
// listed under the known ones, one line each, sanitized, cut at the width
// in text and escaped in Markdown.
func TestOtherFieldsInTextAndMarkdown(t *testing.T) {
	raw := `{"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","status":"open","channel":{"type":"web","id":"ch_1"},` +
		`"tags":["vip","[link](https://evil.example)"],"note":"\u001b[31mred` + "\u202e" + `","big":` + `{"text":"` + strings.Repeat("long ", 40) + `"}}`
	var s api.Session
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		t.Fatal(err)
	}
	s.Raw = json.RawMessage(raw)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

	text := Text(&s, now, 60)
	for _, want := range []string{"\nOther fields\n", "  channel.id  ch_1\n", `  tags        ["vip","[link](https://evil.example)"]`, "  note        red\n", `  big         {"text":"long`} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if render.Width(l) > 60 {
			t.Errorf("a line of %d cells: %q", render.Width(l), l)
		}
	}
	md := Markdown(&s, now)
	for _, want := range []string{"- **Other fields:**\n", "  - `channel.id`: ch_1\n", `  - ` + "`tags`" + `: \["vip","\[link\](https\://evil.example)"\]`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	for _, out := range []string{text, md} {
		if strings.ContainsAny(out, "\x1b\u202e") {
			t.Errorf("a control character reached the output: %q", out)
		}
	}
}
