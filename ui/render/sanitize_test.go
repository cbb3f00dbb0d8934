package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opencx-tools/cxi/api"
)

func TestLineRemovesHostileSequences(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Ana Souza", "Ana Souza"},
		{"csi colour", "\x1b[31mred\x1b[0m", "red"},
		{"csi clear screen", "a\x1b[2Jb", "ab"},
		{"osc 52 clipboard write, BEL", "x\x1b]52;c;cm0gLXJmIH4K\x07y", "xy"},
		{"osc 52 clipboard write, ST", "x\x1b]52;c;cm0gLXJmIH4K\x1b\\y", "xy"},
		{"osc 8 hyperlink keeps its text", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"title set", "\x1b]0;pwned\x07name", "name"},
		{"dcs", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"apc", "a\x1b_payload\x1b\\b", "ab"},
		{"lone esc", "a\x1bb", "a"},
		{"trailing esc", "ab\x1b", "ab"},
		{"bidi override", "abc\u202Eevil\u202C", "abcevil"},
		{"bidi isolates", "\u2066a\u2069\u2067b\u2068", "ab"},
		{"arabic letter mark, lrm, rlm", "a\u061Cb\u200Ec\u200Fd", "abcd"},
		{"zero width", "a\u200Bb\uFEFFc", "abc"},
		{"tag characters", "a\U000E0041\U000E007Fb", "ab"},
		{"hangul filler and grapheme joiner", "a\u3164b\u034Fc", "abc"},
		{"nul", "a\x00b", "ab"},
		{"del", "a\x7fb", "ab"},
		{"bel and backspace", "a\x07b\bc", "abc"},
		{"c1 csi", "a\u009b31mb", "a31mb"},
		{"c1 osc", "a\u009d0;t\u009cb", "a0;tb"},
		{"newline becomes space", "a\nb\r\nc", "a b  c"},
		{"line separator", "a\u2028b", "a b"},
		{"tab", "a\tb", "a b"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"lone surrogate (CESU)", "a\xed\xa0\x80b", "a\uFFFDb"},
		{"non-latin kept", "山田 太郎 · Алёна · مريم", "山田 太郎 · Алёна · مريم"},
		{"emoji kept", "ok 👍", "ok 👍"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Line(tt.in)
			if got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertSafe(t, got, false)
		})
	}
}

func TestBlockKeepsLineBreaksOnly(t *testing.T) {
	got := Block("one\r\ntwo\n\n\x1b[1mthree\x1b[0m\tfour\u2029five")
	want := "one\ntwo\n\nthree    four\nfive"
	if got != want {
		t.Errorf("Block = %q, want %q", got, want)
	}
	assertSafe(t, got, true)
}

func TestValuesShowDashForAbsent(t *testing.T) {
	var nilStr *string
	blank := "   "
	f, big, huge, text := number(t, "1042.5"), number(t, "1e21"), number(t, "9007199254740993"), number(t, `"44\u001b[2J71"`)
	if got := Ptr(nilStr); got != Dash {
		t.Errorf("Ptr(nil) = %q", got)
	}
	if got := Ptr(&blank); got != Dash {
		t.Errorf("Ptr(blank) = %q", got)
	}
	if got := Or("\x1b[31m\x1b[0m"); got != Dash {
		t.Errorf("Or(only escapes) = %q, want a dash", got)
	}
	if got := Number(nil); got != Dash {
		t.Errorf("Number(nil) = %q", got)
	}
	if got := Number(f); got != "1042.5" {
		t.Errorf("Number(1042.5) = %q", got)
	}
	// The digits as sent: no float in between to round or reformat them.
	if got := Number(big); got != "1e21" {
		t.Errorf("Number(1e21) = %q", got)
	}
	if got := Number(huge); got != "9007199254740993" {
		t.Errorf("Number(9007199254740993) = %q", got)
	}
	if got, tag := Number(text), NotNumber(text); got != "4471" || tag != "not a number" {
		t.Errorf("Number(a string) = %q tagged %q, want its text sanitized, tagged not a number", got, tag)
	}
	if tag := NotNumber(huge); tag != "" {
		t.Errorf("NotNumber(a number) = %q", tag)
	}
	if got := Bool(nil); got != Dash {
		t.Errorf("Bool(nil) = %q", got)
	}
}

// assertSafe fails when s holds anything a terminal would interpret.
func assertSafe(t testing.TB, s string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8 in %q", s)
	}
	var prev rune
	for i, r := range s {
		if r == '\n' && multiline {
			continue
		}
		joiner := r == '\u200D' && joinsEmoji(prev, s[i+len("\u200D"):])
		prev = r
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (isInvisibleFormat(r) && !joiner) {
			t.Fatalf("control or format rune %U survives in %q", r, s)
		}
	}
	if strings.ContainsRune(s, '\x1b') {
		t.Fatalf("ESC survives in %q", s)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mx", "\x1b]52;c;AAAA\x07", "\u202Eabc", "\xff\xfe", "a\nb\tc", "\u009b1m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSafe(t, Line(s), false)
		assertSafe(t, Block(s), true)
		if strings.Contains(Line(s), "\n") {
			t.Fatalf("Line kept a newline: %q", Line(s))
		}
	})
}

func BenchmarkLine(b *testing.B) {
	s := strings.Repeat("Customer \x1b[31mangry\x1b[0m about an invoice · ", 20)
	b.ReportAllocs()
	for b.Loop() {
		Line(s)
	}
}

func number(t *testing.T, literal string) *api.Number {
	t.Helper()
	n, err := api.ParseNumber(literal)
	if err != nil {
		t.Fatal(err)
	}
	return &n
}
