package render

import (
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func TestWidthErrsWide(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Ana", 3},
		{"佐藤 花子", 9},
		{"प्रिया शर्मा", 10}, // what tmux and xterm draw; lipgloss says 5
		{"\x1b[31mred\x1b[0m", 3},
		{"Zoe\u0308", 3},
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"Ana", 6, "Ana   "},
		{"Ana Souza", 6, "Ana S…"},
		{"प्रिया शर्मा", 12, "प्रिया शर्मा  "},
		{"佐藤 花子", 6, "佐藤 …"},
	} {
		got := Fit(tt.in, tt.w)
		if got != tt.want || Width(got) > tt.w {
			t.Errorf("Fit(%q, %d) = %q (width %d), want %q", tt.in, tt.w, got, Width(got), tt.want)
		}
	}
	long := strings.Repeat("प्रि", 5000)
	if got := Fit(long, 20); Width(got) > 20 {
		t.Errorf("Fit(long) is %d wide", Width(got))
	}
}

func TestClipLine(t *testing.T) {
	line := "\x1b[1mname\x1b[0m प्रिया शर्मा" + strings.Repeat(" ", 10)
	got := ClipLine(line, 20)
	if Width(got) > 20 {
		t.Errorf("ClipLine left %d cells: %q", Width(got), got)
	}
	if ClipLine("short", 20) != "short" {
		t.Error("ClipLine changed a short line")
	}
}

// TestWidthOfJoinedEmojiAndFlags: a ZWJ sequence or a flag is one emoji,
// two cells, as tmux 3.3 and lipgloss draw it (per code point the family
// of four took eight). Where tmux still draws the parts apart (a skin tone
// after an emoji: two emoji) or narrower (a text-style symbol before
// U+FE0F: one cell), Width takes the wider count, as it always has, so a
// line never runs past the screen's edge.
func TestWidthOfJoinedEmojiAndFlags(t *testing.T) {
	for _, tt := range []struct {
		in         string
		want, tmux int // tmux: the cursor's move in tmux 3.3a
	}{
		{"👩\u200d👩\u200d👧", 2, 2},
		{"👨\u200d👩\u200d👧\u200d👦", 2, 2},
		{"👩\u200d💻", 2, 2},
		{"🏴\u200d☠\ufe0f", 2, 2},
		{"🇩🇪", 2, 2},
		{"🇩🇪🇫🇷", 4, 4},
		{"🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 2, 2}, // Scotland: a tag sequence
		{"🏳\ufe0f\u200d🌈", 2, 1},
		{"❤\ufe0f\u200d🔥", 2, 1},
		{"❤\ufe0f", 2, 1},
		{"👍🏽", 4, 4},
		{"🧑🏽\u200d💻", 4, 4},
		{"Ana 👩\u200d👩\u200d👧 🇩🇪", 9, 9},
		{"\x1b[1m👩\u200d👩\u200d👧\x1b[0m", 2, 2},
		{"प्रिया शर्मा 👩\u200d💻", 13, 13},
	} {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d (tmux 3.3a: %d)", tt.in, got, tt.want, tt.tmux)
		}
	}
}

// TestPadAndBoxKeepTheRightBorderWithJoinedEmoji: the border of a line
// holding joined emoji and flags stands where lipgloss (and tmux) put it.
func TestPadAndBoxKeepTheRightBorderWithJoinedEmoji(t *testing.T) {
	style := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	box := Box(style, "Name  Ana 👩\u200d👩\u200d👧 🇩🇪\nplain", 30)
	for _, l := range strings.Split(box, "\n") {
		if lipgloss.Width(l) != 30 || Width(l) != 30 {
			t.Errorf("line is %d cells (Width %d), not 30: %q", lipgloss.Width(l), Width(l), l)
		}
	}
	if got := Fit("👨\u200d👩\u200d👧\u200d👦👨\u200d👩\u200d👧\u200d👦", 3); got != "👨\u200d👩\u200d👧\u200d👦…" {
		t.Errorf("Fit cut the second family wrong: %q", got)
	}
}

// TestFitWordsNeverCutsAWordOrANumber: a message too long for its line
// loses whole words from its end, shown by "…"; a count is never cut.
func TestFitWordsNeverCutsAWordOrANumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"Cannot reach the API. Check the network or OPENCX_BASE_URL.", 40, "Cannot reach the API. Check the network…"},
		{"reviewed 3 of 160 shown", 16, "reviewed 3 of…"},
		{"(2 unreadable items skipped)", 22, "(2 unreadable items…"},
		{"fits", 10, "fits"},
		{"Supercalifragilistic", 8, "Superca…"},
	} {
		got := FitWords(tt.in, tt.w)
		if got != tt.want || Width(got) > tt.w {
			t.Errorf("FitWords(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
	styled := "\x1b[1mreviewed\x1b[0m 3 of 160"
	if got := ansi.Strip(FitWords(styled, 14)); got != "reviewed 3 of…" {
		t.Errorf("styled: %q", got)
	}
}
