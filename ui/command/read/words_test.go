package read

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
)

// TestTextOutputSaysStatusesAsTheQueueDoes: `cxi get` and `cxi list` text
// say "unresolved" and "resolved", as the TUI does; JSON keeps the API's
// words.
func TestTextOutputSaysStatusesAsTheQueueDoes(t *testing.T) {
	c := client(t)
	out, _, _ := runGet(t, c, demo.IDNonLatin) // closed_unresolved
	if !strings.Contains(out, "Status      unresolved") {
		t.Errorf("get text:\n%s", out)
	}
	js, _, _ := runGet(t, c, "--json", demo.IDNonLatin)
	if !strings.Contains(js, `"closed_unresolved"`) {
		t.Errorf("get --json lost the API's word:\n%s", js)
	}

	var b, errOut bytes.Buffer
	env := command.Env{Stdout: &b, Stderr: &errOut, Now: func() time.Time { return now }}
	if code := list(context.Background(), []string{"--limit", "200"}, env, fixed(c)); code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		seen[strings.Split(l, "\t")[1]] = true
	}
	if !seen["resolved"] || !seen["unresolved"] || !seen["open"] || seen["closed_resolved"] || seen["closed_unresolved"] {
		t.Errorf("list statuses %v", seen)
	}
}

// TestGetTextWrapsCJK: `cxi get` keeps every line of a long Chinese or
// Japanese summary within its width, which has no spaces to wrap at.
func TestGetTextWrapsCJK(t *testing.T) {
	body, _ := demo.Fixture(demo.IDNonLatin)
	var s map[string]any
	if err := json.Unmarshal(body, &s); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("お客様は日本向け注文の関税の請求について問い合わせています。客户要求退还重复扣款。", 6)
	s["handoff"].(map[string]any)["summary"] = long
	body, _ = json.Marshal(s)
	c := client(t, fake.WithSession(demo.IDNonLatin, body))
	out, errOut, code := runGet(t, c, demo.IDNonLatin)
	if code != command.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if render.Width(l) > 80 {
			t.Errorf("a line of %d cells: %q", render.Width(l), l)
		}
	}
	if !strings.Contains(strings.NewReplacer("\n", "", " ", "").Replace(out), long) {
		t.Errorf("the summary lost text:\n%s", out)
	}
}
