package useraction

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/clipboard"
)

func TestRunCapsOutputAndKeepsTheExitCode(t *testing.T) {
	exe, _, _ := argvLog(t)
	t.Setenv(helperEnv+"_THEN", "flood")
	a := build(t, Spec{Name: "flood", Run: []string{exe, "{id}"}})[0]
	res := step(t, Runner{}, a, showcase(t))
	if res.Exit != 4 || res.Err != nil || res.OK() {
		t.Errorf("exit %d, err %v; want exit 4", res.Exit, res.Err)
	}
	if !res.Cut || len(res.Output) != OutputCap {
		t.Errorf("output of %d bytes, cut %v; want %d, cut", len(res.Output), res.Cut, OutputCap)
	}
}

func TestRunStoppedByItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stoppedBy(t, ctx, cancel)
}

// TestQuitKillsARun: Set.Stop, which the root calls on quitting, ends
// the runs derived from Set.Life.
func TestQuitKillsARun(t *testing.T) {
	set := NewSet(nil, "", Runner{}, clipboard.Copier{})
	stoppedBy(t, set.Life(), set.Stop)
}

// stoppedBy starts a program that blocks, under ctx, then stops it with cancel.
func stoppedBy(t *testing.T, ctx context.Context, cancel func()) {
	t.Helper()
	exe, log, _ := argvLog(t)
	t.Setenv(helperEnv+"_THEN", "block")
	a := build(t, Spec{Name: "block", Run: []string{exe, "{id}"}})[0]
	done := make(chan Result)
	go func() { done <- Runner{}.Step(ctx, nil, 0, a, showcase(t))().(RanMsg).Result }()
	for { // the helper logs its argv once it runs; then it blocks
		if b, _ := os.ReadFile(log); len(b) > 0 {
			break
		}
		select {
		case res := <-done:
			t.Fatalf("the run ended by itself: %+v", res)
		default:
		}
	}
	cancel()
	res := <-done
	if !res.Cancelled || res.OK() {
		t.Errorf("after cancel: %+v", res)
	}
}

func TestRunRefusesWhatCannotStart(t *testing.T) {
	a := build(t, Spec{Name: "missing", Run: []string{"cxi-no-such-program-here", "{id}"}})[0]
	res := step(t, Runner{}, a, showcase(t))
	if res.Err == nil || !strings.Contains(res.Err.Error(), "executable file not found") {
		t.Errorf("a missing program: %+v", res)
	}
	u := build(t, Spec{Name: "web", URL: "https://x.example/{id}"})[0]
	if res := step(t, Runner{}, u, showcase(t)); !strings.Contains(res.Refused, "no browser here") || res.URL == "" {
		t.Errorf("no opener: %+v", res)
	}
}

func TestSet(t *testing.T) {
	as := build(t, Spec{Name: "web", Key: "Z", URL: "https://x.example/{id}"}, Spec{Name: "push", Run: []string{"cli", "{id}"}, Write: true})
	ro := NewSet(as, "--read-only", Runner{}, clipboard.Copier{})
	if ro.Refused(as[0]) != "" {
		t.Errorf("a command not declared a write is refused")
	}
	if why := ro.Refused(as[1]); why != `"push" is declared a write (write = true) and cxi runs read-only (--read-only): it was not run.` {
		t.Errorf("refused: %q", why)
	}
	if b := ro.Bindings(); len(b) != 1 || b[0].Help().Desc != "web" {
		t.Errorf("bindings %v", b)
	}
	if got := ro.Names(); strings.Join(got, ",") != "web,push" {
		t.Errorf("names %q", got)
	}
	rw := NewSet(as, "", Runner{}, clipboard.Copier{})
	if rw.Refused(as[1]) != "" {
		t.Errorf("refused without read-only")
	}
}
