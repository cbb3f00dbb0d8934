package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

const (
	hindi  = "प्रिया शर्मा ने बताया कि उनके ऑर्डर की डिलीवरी तीन दिन से अटकी हुई है और ट्रैकिंग पेज पर कोई अपडेट नहीं है"
	cjk    = "お客様は日本向け注文の関税の請求について問い合わせています顧客は輸入関税を予想していませんでした客服需要尽快联系承运人并决定是否退还关税"
	family = "👨\u200d👩\u200d👧"
	coder  = "👩\u200d💻"
)

// wrapped checks that lines are no wider than w by Width and that, put
// back together, they hold every word of s in order.
func wrapped(t *testing.T, s string, w int) []string {
	t.Helper()
	lines := Wrap(s, w)
	for _, l := range lines {
		if Width(l) > w {
			t.Errorf("line %q is %d cells, more than %d", l, Width(l), w)
		}
	}
	if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(s, " ", ""); got != want {
		t.Errorf("wrapping lost text:\n got %q\nwant %q", got, want)
	}
	return lines
}

func TestWrapMeasuresAsTheTerminalDoes(t *testing.T) {
	// lipgloss counts this paragraph at about half the cells a terminal
	// draws: wrapped by its count, every line would run past the border.
	for _, w := range []int{20, 33, 60} {
		lines := wrapped(t, hindi, w)
		if len(lines) < 2 {
			t.Errorf("width %d: not wrapped: %q", w, lines)
		}
	}
	if lipgloss.Width(hindi) >= Width(hindi) {
		t.Fatal("the Devanagari sample no longer shows the difference")
	}
}

func TestWrapBreaksCJKBetweenCharacters(t *testing.T) {
	lines := wrapped(t, cjk, 30)
	for _, l := range lines[:len(lines)-1] {
		if Width(l) < 28 {
			t.Errorf("a line of CJK text was broken early: %q (%d cells)", l, Width(l))
		}
	}
}

func TestWrapKeepsIDsAndClustersWhole(t *testing.T) {
	lines := wrapped(t, "Escalate the stuck shipment (Zendesk ZD-884213 is linked)", 30)
	if !strings.Contains(strings.Join(lines, "\n"), "ZD-884213") {
		t.Errorf("the ID was broken: %q", lines)
	}
	for _, w := range []int{6, 7, 9, 13} { // a family is 6 cells
		lines := wrapped(t, strings.Repeat(family, 3)+" "+strings.Repeat(coder, 3), w)
		for _, l := range lines {
			if strings.HasPrefix(l, "\u200d") || strings.HasSuffix(l, "\u200d") {
				t.Errorf("width %d: a ZWJ sequence was split: %q", w, lines)
			}
		}
	}
}

func TestWrapPassesEscapesAtNoWidth(t *testing.T) {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI)
	badge := r.NewStyle().Bold(true).Padding(0, 1).Render("unresolved")
	lines := Wrap(badge, 12)
	if len(lines) != 1 || lines[0] != badge {
		t.Errorf("a badge that fits was changed: %q", lines)
	}
	if got := Wrap("a\nb", 10); len(got) != 2 {
		t.Errorf("line breaks not kept: %q", got)
	}
}

func TestFitNeverSplitsAnEmojiSequence(t *testing.T) {
	s := "Ana " + family + family + family
	for w := 1; w <= Width(s)+1; w++ {
		got := Fit(s, w)
		if Width(got) != w {
			t.Errorf("Fit(%q, %d) is %d cells", s, w, Width(got))
		}
		if strings.Contains(got, "\u200d…") || strings.Contains(got, "\u200d ") || strings.HasSuffix(strings.TrimRight(got, " "), "\u200d") {
			t.Errorf("Fit(%q, %d) = %q splits a family", s, w, got)
		}
		if n := strings.Count(got, "👨"); n != strings.Count(got, "👧") {
			t.Errorf("Fit(%q, %d) = %q keeps part of a family", s, w, got)
		}
	}
	if got := ClipLine("ab"+coder+"cd", 4); strings.Contains(got, "👩") && !strings.Contains(got, coder) {
		t.Errorf("ClipLine split the sequence: %q", got)
	}
}

func TestPadAndBoxKeepTheRightBorder(t *testing.T) {
	if got := Pad("प्रिया शर्मा", 14); Width(got) != 14 {
		t.Errorf("Pad: %q is %d cells", got, Width(got))
	}
	style := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	body := "Name  प्रिया शर्मा\n" + strings.Join(Wrap(hindi, 26), "\n") + "\nTeam  " + family + " " + coder + "\nplain"
	box := Box(style, body, 30)
	lines := strings.Split(box, "\n")
	if len(lines) != strings.Count(body, "\n")+3 {
		t.Fatalf("%d lines:\n%s", len(lines), box)
	}
	for _, l := range lines {
		if Width(l) != 30 {
			t.Errorf("line is %d cells, not 30: %q", Width(l), l)
		}
		if last := []rune(ansi.Strip(l)); last[len(last)-1] != '│' && last[len(last)-1] != '╮' && last[len(last)-1] != '╯' {
			t.Errorf("no right border at the end: %q", l)
		}
	}
}

func TestLineKeepsTheJoinerOfAnEmojiSequenceOnly(t *testing.T) {
	for in, want := range map[string]string{
		coder:                         coder,
		family:                        family,
		"🏳\ufe0f\u200d🌈":              "🏳\ufe0f\u200d🌈", // after a variation selector
		"pay\u200dpal":                "paypal",         // between letters: hides nothing worth keeping
		"👩\u200d":                     "👩",              // dangling
		"\u200d💻":                     "💻",
		"👩\u200b\u200d💻":              "👩💻", // a zero-width space is no emoji
		"a\u202e" + coder + "\u202cb": "a" + coder + "b",
	} {
		got := Line(in)
		if got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
		assertSafe(t, got, false)
	}
}

// FuzzWrap: whatever the text, no line is wider than the width (unless a
// single cluster is), and no text but spaces is lost.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{hindi, cjk, family + " " + coder, "ZD-884213 a b", "  lead", "\x1b[1mbold\x1b[0m x"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		s, w = Block(s), w%200
		if w < 1 {
			return
		}
		lines := Wrap(s, w)
		for _, l := range lines {
			if Width(l) > w {
				if c, _ := ansi.FirstGraphemeCluster(l, ansi.GraphemeWidth); c != l {
					t.Fatalf("line %q is %d cells, more than %d", l, Width(l), w)
				}
			}
		}
		drop := strings.NewReplacer(" ", "", "\n", "")
		if got, want := drop.Replace(strings.Join(lines, "")), drop.Replace(s); got != want {
			t.Fatalf("lost text: %q → %q", s, lines)
		}
	})
}
