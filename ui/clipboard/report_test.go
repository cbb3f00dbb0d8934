package clipboard

import (
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/render"
)

// TestReportSaysWhatReallyHappened: "Copied" only where a path is known to
// have worked or is not known to fail.
func TestReportSaysWhatReallyHappened(t *testing.T) {
	noTool := errors.New("no clipboard utilities available")
	tests := []struct {
		name string
		msg  CopiedMsg
		want string
		bad  bool
	}{
		{"native tool on this machine", CopiedMsg{What: "external_id", Value: "ZD-1", OSC52: true}, "Copied ZD-1", false},
		{"tmux on forwards OSC 52", CopiedMsg{What: "external_id", Value: "ZD-1", OSC52: true, NativeErr: noTool, Tmux: "on"}, "Copied ZD-1 (through tmux, OSC 52)", false},
		{"tmux external blocks it", CopiedMsg{What: "external_id", Value: "ZD-1", OSC52: true, NativeErr: noTool, Tmux: "external"},
			"Not copied: tmux's set-clipboard is external, so OSC 52 goes nowhere; fix: `set -g set-clipboard on` in ~/.tmux.conf.", true},
		{"tmux off blocks it", CopiedMsg{What: "external_id", Value: "ZD-1", OSC52: true, NativeErr: noTool, Tmux: "off"}, "set-clipboard is off", true},
		{"tmux external but the native tool worked", CopiedMsg{What: "external_id", Value: "ZD-1", OSC52: true, Tmux: "external"}, "Copied ZD-1", false},
		{"no tool, terminal unknown", CopiedMsg{What: "session ID", Value: "abc", OSC52: true, NativeErr: noTool},
			"Sent abc to the terminal (OSC 52); if nothing was copied, run cxi doctor.", false},
		{"over SSH the native tool is the remote's", CopiedMsg{What: "session ID", Value: "abc", OSC52: true, SSH: true},
			"Sent abc to the terminal (OSC 52); if nothing was copied, run cxi doctor.", false},
		{"nothing reached", CopiedMsg{What: "link", Value: "x", NativeErr: noTool, Err: errors.New("no clipboard available: no clipboard utilities available")},
			"Could not copy the link: no clipboard available", true},
		{"a newline", CopiedMsg{What: "external_id", Value: "ZD-1\n", Err: ErrUnsafeValue}, "Not copied: the external_id contains a line break or control character.", true},
		{"a bidi override", CopiedMsg{What: "external_id", Value: "ZD-1\u202e", Err: ErrHiddenChars}, "Not copied: the external_id contains characters the screen does not show", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := tt.msg.Report()
			if !strings.Contains(got, tt.want) || bad != tt.bad {
				t.Errorf("Report() = %q, %v\nwant %q, %v", got, bad, tt.want, tt.bad)
			}
		})
	}
}

// TestHiddenCharactersAreShownNotCopied: what the screen would hide makes
// a value "shown, not copied", like a newline.
func TestHiddenCharactersAreShownNotCopied(t *testing.T) {
	for _, r := range []rune{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
		'\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff'} {
		if err := Check("ZD-" + string(r) + "884213"); !errors.Is(err, ErrHiddenChars) {
			t.Errorf("U+%04X: Check = %v, want ErrHiddenChars", r, err)
		}
	}
	if err := Check("ZD-884213"); err != nil {
		t.Errorf("a plain ID: %v", err)
	}
	var osc []byte
	c := Copier{Terminal: writerFunc(func(p []byte) { osc = append(osc, p...) }), Native: func(string) error { t.Error("the native clipboard was written"); return nil }}
	msg := c.Copy("external_id", "ZD-\u200b884213")().(CopiedMsg)
	if !errors.Is(msg.Err, ErrHiddenChars) || len(osc) != 0 {
		t.Errorf("a zero-width space was copied: %+v, osc %q", msg, osc)
	}
}

type writerFunc func([]byte)

func (f writerFunc) Write(p []byte) (int, error) { f(p); return len(p), nil }

// TestCheckRefusesWhatTheScreenDropsAndNothingItShows: Check and the
// sanitizer agree. A blank letter the screen drops (a Hangul filler, the
// combining grapheme joiner) is refused although it is no Cf character; an
// emoji's zero-width joiner, which the screen keeps, is copied.
func TestCheckRefusesWhatTheScreenDropsAndNothingItShows(t *testing.T) {
	for _, v := range []string{"a\u3164b", "a\u034Fb", "a\u115Fb", "Sam \u200D"} {
		if err := Check(v); !errors.Is(err, ErrHiddenChars) {
			t.Errorf("%+q: Check = %v, want ErrHiddenChars", v, err)
		}
	}
	for _, v := range []string{"Sam 👩\u200D💻", "👨\u200D👩\u200D👧", "❤\uFE0F\u200D🔥"} {
		if err := Check(v); err != nil {
			t.Errorf("%+q: Check = %v, want it copied as shown", v, err)
		}
		if render.Line(v) != v {
			t.Errorf("%+q: the screen shows %+q", v, render.Line(v))
		}
	}
}
