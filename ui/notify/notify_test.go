package notify

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseMode(t *testing.T) {
	for _, name := range Modes() {
		m, err := ParseMode(name)
		if err != nil || m.String() != name {
			t.Errorf("ParseMode(%q) = %v, %v", name, m, err)
		}
	}
	if m, err := ParseMode(""); m != Bell || err != nil {
		t.Errorf(`ParseMode("") = %v, %v; want the bell`, m, err)
	}
	_, err := ParseMode("osc99")
	if err == nil || err.Error() != `notify "osc99" is not one of "bell", "osc9", "osc777", "off"` {
		t.Errorf("ParseMode(osc99): %v", err)
	}
}

func TestSequences(t *testing.T) {
	cases := []struct {
		mode Mode
		want string
	}{
		{Bell, "\a"},
		{OSC9, "\x1b]9;cxi: 1 new: handed off and angry\a"},
		{OSC777, "\x1b]777;notify;cxi;1 new: handed off and angry\a"},
		{Off, ""},
	}
	for _, c := range cases {
		if got := Sequence(c.mode, "cxi", "1 new: handed off and angry"); got != c.want {
			t.Errorf("%v: %q, want %q", c.mode, got, c.want)
		}
	}
}

// TestSequenceTextIsSanitized: API text inside an OSC payload must not end
// the sequence (BEL, ST, ESC \) and smuggle the rest in as commands.
func TestSequenceTextIsSanitized(t *testing.T) {
	hostile := "Eve\a\x1b]52;c;ZXZpbA==\a\x1b\\\u009c\x1b[2J\u202eevil\r\nnext"
	for _, mode := range []Mode{OSC9, OSC777} {
		seq := Sequence(mode, "a;b"+hostile, hostile)
		inner := strings.TrimSuffix(strings.TrimPrefix(seq, "\x1b]"), "\a")
		if strings.ContainsAny(inner, "\a\x1b\u009c\u202e\r\n") {
			t.Errorf("%v: control characters left in the payload: %q", mode, seq)
		}
		if !strings.Contains(inner, "Eve") || !strings.Contains(inner, "evil next") {
			t.Errorf("%v: the readable text was lost: %q", mode, seq)
		}
		if mode == OSC777 && strings.Count(inner, ";") != 3 {
			t.Errorf("OSC 777: a ';' of the title made a field: %q", seq)
		}
	}
	long := strings.Repeat("é", 500)
	if got := []rune(strings.TrimSuffix(strings.TrimPrefix(Sequence(OSC9, long, ""), "\x1b]9;"), "\a")); len(got) != maxText || got[len(got)-1] != '…' {
		t.Errorf("a long text: %d runes", len(got))
	}
}

func TestTmuxGating(t *testing.T) {
	cases := []struct {
		name string
		n    Notifier
		want string
		err  error
	}{
		{"outside tmux", Notifier{Mode: OSC9}, "\x1b]9;cxi: hi\a", nil},
		{"inside tmux, not over it", Notifier{Mode: OSC9, InTmux: true}, "", ErrTmux},
		{"inside tmux, over it", Notifier{Mode: OSC9, InTmux: true, OverTmux: true}, "\x1bPtmux;\x1b\x1b]9;cxi: hi\a\x1b\\", nil},
		{"osc777 over tmux", Notifier{Mode: OSC777, InTmux: true, OverTmux: true}, "\x1bPtmux;\x1b\x1b]777;notify;cxi;hi\a\x1b\\", nil},
		{"the bell inside tmux is tmux's own", Notifier{Mode: Bell, InTmux: true}, "\a", nil},
		{"off", Notifier{Mode: Off, InTmux: true, OverTmux: true}, "", nil},
	}
	for _, c := range cases {
		got, err := c.n.Bytes("cxi", "hi")
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%s: %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
	}
}

func TestSendWritesToTheTerminal(t *testing.T) {
	var tty bytes.Buffer
	msg := Notifier{Terminal: &tty, Mode: OSC777}.Send("cxi", "hi")()
	if sent := msg.(SentMsg); !sent.Sent || sent.Err != nil || tty.String() != "\x1b]777;notify;cxi;hi\a" {
		t.Errorf("sent %+v, wrote %q", sent, tty.String())
	}
	tty.Reset()
	msg = Notifier{Terminal: &tty, Mode: OSC9, InTmux: true}.Send("cxi", "hi")()
	if sent := msg.(SentMsg); sent.Sent || !errors.Is(sent.Err, ErrTmux) || tty.Len() != 0 {
		t.Errorf("inside tmux without over_tmux: %+v, wrote %q", sent, tty.String())
	}
	msg = Notifier{Mode: Bell}.Send("cxi", "hi")()
	if sent := msg.(SentMsg); sent.Sent || !errors.Is(sent.Err, ErrNoTerminal) {
		t.Errorf("no terminal: %+v", sent)
	}
	if (Notifier{Terminal: &tty, Mode: Off}).Send("cxi", "hi") != nil {
		t.Error("off still made a command")
	}
}
