package clipboard

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestCopySendsOSC52AndNative(t *testing.T) {
	var term bytes.Buffer
	var native string
	c := Copier{Terminal: &term, Native: func(s string) error { native = s; return nil }}
	msg := c.Copy("external_id", "ZD-884213")().(CopiedMsg)
	if msg.Err != nil || !msg.OSC52 || msg.NativeErr != nil {
		t.Fatalf("msg = %+v", msg)
	}
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("ZD-884213")) + "\a"
	if term.String() != want {
		t.Errorf("terminal got %q, want %q", term.String(), want)
	}
	if native != "ZD-884213" {
		t.Errorf("native got %q", native)
	}
}

func TestNativeFailureIsNotAnErrorWhenOSC52Went(t *testing.T) {
	var term bytes.Buffer
	c := Copier{Terminal: &term, Native: func(string) error { return errors.New("no xclip") }}
	msg := c.copyNow("external_id", "ZD-1")
	if msg.Err != nil || !msg.OSC52 || msg.NativeErr == nil {
		t.Fatalf("msg = %+v", msg)
	}
}

func TestNoPathIsAnError(t *testing.T) {
	c := Copier{Mode: Off, Native: func(string) error { return errors.New("no xclip") }}
	msg := c.copyNow("external_id", "ZD-1")
	if msg.Err == nil || !strings.Contains(msg.Err.Error(), "no xclip") {
		t.Fatalf("msg = %+v", msg)
	}
}

func TestTmuxModeWrapsInDCS(t *testing.T) {
	var term bytes.Buffer
	Copier{Terminal: &term, Mode: Tmux}.copyNow("id", "x")
	if !strings.HasPrefix(term.String(), "\x1bPtmux;") {
		t.Errorf("got %q", term.String())
	}
}

func TestUnsafeValuesAreNeverCopied(t *testing.T) {
	for _, v := range []string{"", "ZD-1\n", "rm -rf ~\r", "a\x1b]52;c;x\x07", "a\u2028b", "a\x00"} {
		var term bytes.Buffer
		called := false
		c := Copier{Terminal: &term, Native: func(string) error { called = true; return nil }}
		msg := c.copyNow("external_id", v)
		if msg.Err == nil || term.Len() > 0 || called {
			t.Errorf("copy(%q): err=%v, wrote %q, native called %v", v, msg.Err, term.String(), called)
		}
	}
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{"": Plain, "plain": Plain, "tmux": Tmux, "off": Off} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseMode("dcs"); err == nil {
		t.Error("ParseMode(dcs) accepted")
	}
}

// TestTmuxIsAskedAtEachCopy: a lead who fixes tmux's set-clipboard after
// the first "Not copied" is told the truth at the next copy, not what tmux
// said when cxi started.
func TestTmuxIsAskedAtEachCopy(t *testing.T) {
	setting := "external"
	var term bytes.Buffer
	c := Copier{Terminal: &term, Tmux: func() string { return setting }}
	if text, bad := c.Copy("external_id", "ZD-1")().(CopiedMsg).Report(); !bad || !strings.Contains(text, "set-clipboard is external") {
		t.Errorf("before the fix: %q (bad %v)", text, bad)
	}
	setting = "on" // set -g set-clipboard on, while cxi runs
	if text, bad := c.Copy("external_id", "ZD-1")().(CopiedMsg).Report(); bad || !strings.Contains(text, "Copied ZD-1 (through tmux") {
		t.Errorf("after the fix: %q (bad %v)", text, bad)
	}
}
