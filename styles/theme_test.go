package styles

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func renderer(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	return r
}

func TestBadgesKeepTheirWords(t *testing.T) {
	for _, p := range []termenv.Profile{termenv.Ascii, termenv.ANSI256, termenv.TrueColor} {
		th := New(renderer(p))
		for _, s := range []string{"angry", "neutral", "happy", "frustrated"} {
			if got := th.SentimentBadge(s); !strings.Contains(got, s) {
				t.Errorf("profile %v: SentimentBadge(%q) = %q", p, s, got)
			}
		}
		for _, s := range []string{"open", "closed_resolved", "closed_unresolved", "pending_review"} {
			if got := th.StatusBadge(s); !strings.Contains(got, s) {
				t.Errorf("profile %v: StatusBadge(%q) = %q", p, s, got)
			}
		}
	}
}

func TestNoColourMeansNoEscapes(t *testing.T) {
	th := New(renderer(termenv.Ascii))
	out := th.SentimentBadge("angry") + th.StatusBadge("open") + th.Panel.Render("x") + th.Error.Render("e")
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("escape sequence without colour: %q", out)
	}
	if got := th.SentimentBadge("angry"); got != "angry" {
		t.Errorf("an uncoloured badge should be the bare word, got %q", got)
	}
}

func TestColourProfilesDifferBySentiment(t *testing.T) {
	th := New(renderer(termenv.TrueColor))
	bg := map[string]bool{}
	for _, s := range []lipgloss.Style{th.angry, th.neutral, th.happy, th.unknown} {
		bg[fmt.Sprint(s.GetBackground())] = true
	}
	if len(bg) != 4 {
		t.Errorf("sentiment badges share colours: %v", bg)
	}
	if !strings.Contains(th.SentimentBadge("angry"), "\x1b[") {
		t.Error("no colour in a true-colour badge")
	}
}
