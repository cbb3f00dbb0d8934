package detail

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/ui/render"
)

// wideSession is a session in scripts that terminals draw wider than
// lipgloss counts them (Devanagari), with ZWJ emoji in the name.
func wideSession(t *testing.T) string {
	t.Helper()
	s := fixture(t, demo.IDNonLatin)
	name := "प्रिया शर्मा 👩\u200d💻 👨\u200d👩\u200d👧"
	s.Contact.Name = &name
	s.Contact.CustomData["शहर"] = json.RawMessage(`"मुंबई, महाराष्ट्र, भारत के पश्चिमी तट पर"`)
	s.CustomData["टिप्पणी"] = json.RawMessage(`"ग्राहक ने दो बार संपर्क किया और डिलीवरी की तारीख के बारे में पूछा"`)
	s.Handoff.Summary = strings.Repeat("प्रिया शर्मा ने बताया कि उनके ऑर्डर की डिलीवरी तीन दिन से अटकी हुई है। ", 6)
	body, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// cellAt is the text drawn in cell col (from 0) of a plain line, counting
// cells as render.Width does.
func cellAt(line string, col int) string {
	used := 0
	for line != "" {
		c, _ := ansi.FirstGraphemeCluster(line, ansi.GraphemeWidth)
		if used == col {
			return c
		}
		used += render.Width(c)
		line = line[len(c):]
	}
	return ""
}

func isBorder(c string) bool { return strings.ContainsAny(c, "│╮╯╭╰") }

// TestPanelsKeepTheirRightBorderWithWideScripts: on lines holding
// Devanagari, which lipgloss pads as if it were narrower, every panel's
// right border still sits in its column (lipgloss's padding used to push
// it past the pane's edge, where it was clipped off), and no ZWJ emoji is
// split.
func TestPanelsKeepTheirRightBorderWithWideScripts(t *testing.T) {
	var s = fixture(t, demo.IDNonLatin)
	if err := json.Unmarshal([]byte(wideSession(t)), s); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{120, 60} {
		v := fullContent(s, width)
		if !strings.Contains(v, "प्रिया शर्मा") || !strings.Contains(v, "शहर") || !strings.Contains(v, "टिप्पणी") {
			t.Fatalf("width %d: the wide text is not shown:\n%s", width, v)
		}
		if strings.Contains(v, "👩💻") || !strings.Contains(v, "👨\u200d👩\u200d👧") {
			t.Errorf("width %d: an emoji sequence was split", width)
		}
		rows, wide := 0, 0
		for _, l := range strings.Split(v, "\n") {
			plain := ansi.Strip(l)
			if !isBorder(cellAt(plain, 0)) {
				continue // the ticket line, or below the last panel
			}
			rows++
			if lipgloss.Width(plain) < render.Width(plain) {
				wide++
			}
			left := (width - gap) / 2
			// A line of the left column alone: the right column ended above.
			leftOnly := width >= TwoColumnWidth && cellAt(plain, width-1) == " " && isBorder(cellAt(plain, left-1))
			if render.Width(plain) != width || !(isBorder(cellAt(plain, width-1)) || leftOnly) {
				t.Errorf("width %d: the right border is not in the last column: %q", width, plain)
			}
			if width >= TwoColumnWidth && isBorder(cellAt(plain, left+gap)) && !isBorder(cellAt(plain, left-1)) {
				t.Errorf("the left column's border moved: %q", plain)
			}
		}
		if rows == 0 || wide == 0 {
			t.Fatalf("width %d: %d panel lines, %d counted differently: the test shows nothing", width, rows, wide)
		}
	}
}

// TestHandoffSummaryInDevanagariIsWrappedInFull: wrapped by the measure
// that clips, no word of the summary is cut off at the border.
func TestHandoffSummaryInDevanagariIsWrappedInFull(t *testing.T) {
	var s = fixture(t, demo.IDNonLatin)
	if err := json.Unmarshal([]byte(wideSession(t)), s); err != nil {
		t.Fatal(err)
	}
	v := fullContent(s, 60)
	flat := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(v)), " ")
	if !strings.Contains(flat, strings.TrimSpace(s.Handoff.Summary)) {
		t.Errorf("the summary lost words:\n%s", v)
	}
}
