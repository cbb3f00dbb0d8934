package detail

import (
	"fmt"
	"math"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/render"
)

// whyLines are the Handoff panel's first lines: the reasons the handoff
// events gave, and the AI's explanation, sanitized like every API text
// (a hostile explanation may carry escape sequences).
func (c content) whyLines(w int) []string {
	t := c.theme
	why := c.extras.why
	if why == nil || (len(why.Reasons) == 0 && strings.TrimSpace(why.Explanation) == "") {
		// Nothing is said of a handoff the events read did not cover (it
		// is older than the queue's window): the summary comes first.
		return nil
	}
	var out []string
	if len(why.Reasons) > 0 {
		parts := make([]string, 0, len(why.Reasons))
		for _, r := range why.Reasons {
			p := t.Value.Render(render.Line(r.Label()))
			if !r.Known() {
				p += tagged(t, "new value")
			}
			parts = append(parts, p)
		}
		parts[0] = t.Label.Render("because ") + parts[0]
		out = append(out, joinWrapped(t, parts, w)...)
	}
	if e := strings.TrimSpace(render.Block(why.Explanation)); e != "" {
		out = append(out, render.WrapStyled(t.Muted, "AI: "+e, w)...)
	}
	return out
}

// ratingPanel is what the customer said of the session (GET
// /csat/scores/session/{id}): the score as stars and a number, the
// comment, or that there is none.
func (c content) ratingPanel() panel {
	return panel{title: "Rating", body: func(w int) string {
		t := c.theme
		st := c.extras.rating
		switch {
		case !st.done:
			return t.Muted.Render("asking…")
		case st.note != "":
			return strings.Join(render.WrapStyled(t.Muted, "— "+st.note, w), "\n")
		case !st.rating.Rated:
			return t.Muted.Render("no rating")
		}
		r := st.rating
		line := t.Muted.Render("no score")
		if r.Score != nil {
			line = t.Value.Render(stars(*r.Score) + " " + score(*r.Score) + "/5")
		}
		if !r.At.IsZero() {
			line += t.Muted.Render(" · " + render.Age(r.At, c.now))
		}
		lines := render.Wrap(line, w)
		if cm := strings.TrimSpace(render.Block(r.Comment)); cm != "" {
			lines = append(lines, render.WrapStyled(t.Value, "“"+cm+"”", w)...)
		}
		return strings.Join(lines, "\n")
	}}
}

// stars draws a 1–5 score as five stars; a score outside that range (the
// API is a beta) draws none, and the number says it.
func stars(v float64) string {
	n := int(math.Round(v))
	if n < 0 || n > 5 || math.IsNaN(v) {
		return ""
	}
	return strings.Repeat("★", n) + strings.Repeat("☆", 5-n)
}

func score(v float64) string { return fmt.Sprintf("%g", v) }

// othersPanel is the customer's other sessions: a summary line, the
// newest few, and the key that lists them all in a picker.
func (c content) othersPanel() panel {
	p := panel{title: "Other sessions"}
	o := c.extras.others
	p.body = func(w int) string {
		t := c.theme
		if !o.done {
			return t.Muted.Render("looking…")
		}
		var lines []string
		switch {
		case len(o.matches) == 0 && o.note != "":
			// the note says why nothing was found
		case len(o.matches) == 0:
			lines = append(lines, render.WrapStyled(t.Muted, "none found by "+render.Line(o.by), w)...)
		default:
			lines = append(lines, render.FitWords(t.Value.Render(othersSummary(o.matches, c.now)), w))
		}
		for i, f := range o.matches {
			if i == othersShown {
				break
			}
			s := f.Session
			line := t.Muted.Render(render.Fit(render.Since(s.UpdatedAt, c.now), 4)) + " " +
				t.StatusStyle(string(s.Status)).Render(render.Status(s.Status)) + " " +
				t.Value.Render(render.Ptr(s.Sentiment)) + t.Muted.Render(" "+render.Enum(s.Channel.Type)+" "+api.ShortID(s.ID))
			lines = append(lines, render.ClipLine(line, w))
		}
		if len(o.matches) > 0 && c.othersKey != "" {
			hint := c.theme.Key.Render(c.othersKey) + t.Muted.Render(" lists them")
			if more := len(o.matches) - othersShown; more > 0 {
				hint = t.Muted.Render(fmt.Sprintf("… %d more · ", more)) + hint
			}
			lines = append(lines, render.FitWords(hint, w))
		}
		if o.note != "" {
			lines = append(lines, render.WrapStyled(t.Muted, o.note, w)...)
		}
		return strings.Join(lines, "\n")
	}
	return p
}
