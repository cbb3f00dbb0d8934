package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/command"
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
