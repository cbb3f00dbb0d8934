package detail

import (
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/render"
)

const dash = render.Dash

// panel is one titled box of the detail pane, before layout decides its width.
type panel struct {
	title string
	note  string                 // said after the title, in its edge, already styled ("· angry")
	body  func(width int) string // renders the content for an inner width
}

// content is what the panels need beyond the session itself.
type content struct {
	theme   *styles.Theme
	now     time.Time
	copyKey string // the key that copies external_id, shown beside it
	// othersKey is the key that lists the customer's other sessions.
	othersKey string
	extras    extras // the handoff's reasons, the rating, the other sessions
}

// statusPanel is the session's state at a glance, in two lines: the
// status and how the AI closed it; the channel, the language and how long
// since anything happened. The long form is the details panel's.
func (c content) statusPanel(s *api.Session) panel {
	return panel{title: "Status", body: func(w int) string {
		t := c.theme
		state := []string{t.StatusStyle(string(s.Status)).Render(render.Status(s.Status)) + tagged(t, unknownTag(s.Status))}
		if s.AIClosureType != nil {
			state = append(state, t.Muted.Render("AI ")+t.Value.Render(ptrEnum(s.AIClosureType))+tagged(t, unknownPtrTag(s.AIClosureType)))
		}
		where := []string{t.Value.Render(render.Enum(s.Channel.Type)) + tagged(t, unknownTag(s.Channel.Type))}
		if lang := render.Ptr(s.Language); lang != dash {
			where = append(where, t.Value.Render(lang))
		}
		if s.UpdatedAt.Valid() {
			where = append(where, t.Muted.Render("updated ")+t.Value.Render(render.Age(s.UpdatedAt.Time, c.now)))
		}
		return strings.Join(append(joinWrapped(t, state, w), joinWrapped(t, where, w)...), "\n")
	}}
}

// detailsPanel is the long form of the session's own facts, below the
// four panels a lead reads first.
func (c content) detailsPanel(s *api.Session) panel {
	return panel{title: "Session", body: func(w int) string {
		t := c.theme
		return fieldRows(t, []field{
			{label: "AI closure", value: ptrEnum(s.AIClosureType), tag: unknownPtrTag(s.AIClosureType)},
			{label: "Language", value: render.Ptr(s.Language)},
			{label: "Assist mode", value: render.Bool(s.AssistMode)},
			{label: "Ticket #", value: render.Number(s.TicketNumber), tag: render.NotNumber(s.TicketNumber)},
			{label: "Created", value: c.timestamp(s.CreatedAt)},
			{label: "Updated", value: c.timestamp(s.UpdatedAt)},
			{label: "Session ID", value: render.Or(s.ID), muted: true, whole: true},
		}, w)
	}}
}

// tagged is a marker after a value ("new value"), or nothing.
func tagged(t *styles.Theme, tag string) string {
	if tag == "" {
		return ""
	}
	return " " + t.Marker.Render(tag)
}

// joinWrapped joins styled parts with " · " into lines of w cells,
// breaking only between parts (a part wider than w is wrapped on its own).
func joinWrapped(t *styles.Theme, parts []string, w int) []string {
	sep := t.Muted.Render(" · ")
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case render.Width(line+sep+p) <= w:
			line += sep + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	var out []string
	for _, l := range lines {
		if render.Width(l) <= w {
			out = append(out, l)
			continue
		}
		out = append(out, render.Wrap(l, w)...)
	}
	return out
}

func (c content) sentimentPanel(s *api.Session) panel {
	return panel{title: "Sentiment", body: func(w int) string {
		t := c.theme
		if s.Sentiment == nil || strings.TrimSpace(render.Line(string(*s.Sentiment))) == "" {
			return t.Muted.Render(dash + " not judged")
		}
		return strings.Join(render.Wrap(t.SentimentBadge(render.Enum(*s.Sentiment))+tagged(t, unknownPtrTag(s.Sentiment)), w), "\n")
	}}
}

// contactPanel is who the customer is, on one line where it fits: name,
// email and phone; what they typed themselves, unverified, only when
// nothing verified names them. The rest is the contact details panel's.
func (c content) contactPanel(s *api.Session) panel {
	return panel{title: "Contact", body: func(w int) string {
		t := c.theme
		ct := s.Contact
		if ct == nil {
			return t.Muted.Render("No contact on this session.")
		}
		var parts []string
		for _, p := range []*string{ct.Name, ct.Email, ct.PhoneNumber} {
			if v := render.Ptr(p); v != dash {
				parts = append(parts, t.Value.Render(v))
			}
		}
		if len(parts) == 0 {
			for _, p := range []*string{ct.NonVerifiedName, ct.NonVerifiedEmail} {
				if v := render.Ptr(p); v != dash {
					parts = append(parts, t.Value.Render(v)+tagged(t, "unverified"))
				}
			}
		}
		if len(parts) == 0 {
			return t.Muted.Render("No name, email or phone on this contact.")
		}
		return strings.Join(joinWrapped(t, parts, w), "\n")
	}}
}

// contactDetailsPanel is the contact in full: every field, the custom
// data, and what the customer typed themselves, kept apart.
func (c content) contactDetailsPanel(s *api.Session) panel {
	return panel{title: "Contact details", body: func(w int) string {
		t := c.theme
		ct := s.Contact
		if ct == nil {
			return t.Muted.Render("No contact on this session.")
		}
		fields := []field{
			{label: "Name", value: render.Ptr(ct.Name)},
			{label: "Email", value: render.Ptr(ct.Email)},
			{label: "Phone", value: render.Ptr(ct.PhoneNumber)},
			{label: "Contact ID", value: render.Or(ct.ID), muted: true, whole: true},
			{label: "Created", value: c.timestamp(ct.CreatedAt)},
			{label: "Updated", value: c.timestamp(ct.UpdatedAt)},
		}
		if len(ct.CustomData) > 0 {
			fields = append(fields, field{heading: "Contact custom data"})
			fields = append(fields, customFields(ct.CustomData, "")...)
		}
		// What the customer typed themselves is kept apart and tagged on
		// every row: a support lead must not mistake it for verified data.
		var unverified []field
		if ct.NonVerifiedName != nil {
			unverified = append(unverified, field{label: "Name", value: render.Ptr(ct.NonVerifiedName), tag: "unverified"})
		}
		if ct.NonVerifiedEmail != nil {
			unverified = append(unverified, field{label: "Email", value: render.Ptr(ct.NonVerifiedEmail), tag: "unverified"})
		}
		unverified = append(unverified, customFields(ct.NonVerifiedCustomData, "unverified")...)
		if len(unverified) > 0 {
			fields = append(fields, field{heading: "Given by the customer, not verified"})
			fields = append(fields, unverified...)
		}
		return fieldRows(t, fields, w)
	}}
}

// handoffPanel is the AI's summary of the conversation, with the
// customer's sentiment when it handed off in its title.
func (c content) handoffPanel(s *api.Session) panel {
	t := c.theme
	p := panel{title: "Handoff"}
	if h := s.Handoff; h != nil && h.Sentiment != nil && render.Or(string(*h.Sentiment)) != dash {
		v := render.Enum(*h.Sentiment)
		// The badge's colours without its padding: in an edge, the
		// padding reads as a gap in the line.
		p.note = t.Muted.Render(" · customer ") + t.SentimentStyle(v).Padding(0).Render(v) + tagged(t, unknownPtrTag(h.Sentiment))
	}
	p.body = func(w int) string {
		h := s.Handoff
		lines := c.whyLines(w)
		switch {
		case h == nil && s.HandedOff(): // ai_closure_type handed_off, and no handoff object sent
			return strings.Join(append(lines, t.Muted.Render("Handed off by the AI; the API sent no handoff summary.")), "\n")
		case h == nil:
			return strings.Join(append(lines, t.Muted.Render("Not handed off.")), "\n")
		}
		summary := strings.TrimSpace(render.Block(h.Summary))
		if summary == "" {
			return strings.Join(append(lines, t.Muted.Render("No summary.")), "\n")
		}
		return strings.Join(append(lines, render.WrapStyled(t.Value, summary, w)...), "\n")
	}
	return p
}

func (c content) ticketPanel(s *api.Session) panel {
	return panel{title: "Ticket", body: func(w int) string {
		t := c.theme
		ts := s.TicketingSystem
		if ts == nil {
			return t.Muted.Render("No ticketing system linked.")
		}
		ext := field{label: "External ID", value: render.Or(ts.ExternalID), whole: true, hint: c.copyHint(ts)}
		return fieldRows(t, []field{
			{label: "System", value: render.Enum(ts.Name), tag: unknownTag(ts.Name)},
			ext,
			{label: "ID type", value: render.Enum(ts.IDType), tag: unknownTag(ts.IDType)},
		}, w)
	}}
}

// copyHint names the key that copies the external_id, where it works: a
// value that is blank on screen, or holds a control or hidden character,
// is shown but never copied.
func (c content) copyHint(ts *api.TicketingSystem) string {
	if c.copyKey == "" || render.Or(ts.ExternalID) == dash || clipboard.Check(ts.ExternalID) != nil {
		return ""
	}
	return "  " + c.theme.Key.Render(c.copyKey) + c.theme.Muted.Render(" copy")
}

// ticketLine is the pane's first line: the ticketing system, the
// external_id and the key that copies it, so that the lead who came for
// the ticket sees it without scrolling at any height. The ID is never cut
// for the hint or the system's name: they go first when space is short.
func (c content) ticketLine(s *api.Session, width int) string {
	t := c.theme
	ts := s.TicketingSystem
	label := t.Label.Render("Ticket  ")
	if ts == nil {
		if n := render.Number(s.TicketNumber); n != dash {
			// The queue's TICKET column shows it; the first line must too.
			return render.FitWords(label+t.Value.Render("#"+n)+t.Muted.Render("  no ticketing system linked"), width)
		}
		return render.ClipLine(label+t.Muted.Render("no ticketing system linked"), width)
	}
	id := t.Value.Render(render.Or(ts.ExternalID))
	if render.Line(ts.ExternalID) == "" {
		id = t.Muted.Render(dash + " (empty external_id)")
	}
	system := t.Muted.Render(render.Enum(ts.Name) + " ")
	hint := c.copyHint(ts)
	for _, line := range []string{label + system + id + hint, label + id + hint, label + id, id} {
		if render.Width(line) <= width {
			return line
		}
	}
	return render.ClipLine(id, width)
}

func (c content) teamPanel(s *api.Session) panel {
	return panel{title: "Team & assignee", body: func(w int) string {
		fields := []field{{label: "Team", value: dash}}
		if tm := s.Team; tm != nil {
			fields = []field{
				{label: "Team", value: render.Or(tm.Name)},
				{label: "About", value: render.Ptr(tm.Description)},
				{label: "Team ID", value: render.Or(tm.ID), muted: true},
			}
		}
		fields = append(fields, field{label: "Assignee", value: render.Ptr(s.AssigneeID), whole: true})
		return fieldRows(c.theme, fields, w)
	}}
}

// customDataPanel is the session's own custom data. Its title names the
// session because the Contact panel has custom data of its own.
func (c content) customDataPanel(s *api.Session) panel {
	return panel{title: "Session custom data", body: func(w int) string {
		if len(s.CustomData) == 0 {
			return c.theme.Muted.Render("No custom data.")
		}
		return fieldRows(c.theme, customFields(s.CustomData, ""), w)
	}}
}

// customFields turns custom data into rows, in key order. Values are shown
// as sent: strings bare, numbers with their digits, booleans as true/false.
func customFields(data api.CustomData, tag string) []field {
	fields := make([]field, 0, len(data))
	for _, k := range data.Keys() {
		v, kind := data.Value(k)
		f := field{label: render.Or(k), value: render.Or(v), tag: tag}
		if kind == api.KindString && v == "" {
			f.value, f.muted = `""`, true
		}
		fields = append(fields, f)
	}
	return fields
}

func (c content) timestamp(ts api.Timestamp) string {
	if ts.Valid() {
		return render.Time(ts.Time, c.now)
	}
	return render.Or(ts.Raw)
}

func ptrEnum[T ~string](p *T) string {
	if p == nil {
		return dash
	}
	return render.Enum(*p)
}

// renderPanel draws a bordered box exactly width cells wide, as terminals
// count them, with the panel's title in its top edge (render.TitledBox).
func renderPanel(t *styles.Theme, p panel, width int) string {
	return renderPanelLines(t, p, width, 0)
}

// renderPanelLines is renderPanel with the body padded to at least lines
// lines, so that panels side by side end on the same line.
func renderPanelLines(t *styles.Theme, p panel, width, lines int) string {
	inner := max(width-t.Panel.GetHorizontalFrameSize(), 1)
	body := p.body(inner)
	if n := strings.Count(body, "\n") + 1; n < lines {
		body += strings.Repeat("\n", lines-n)
	}
	return render.TitledBox(t.Panel, t.PanelTitle.Render(render.Line(p.title))+p.note, body, width)
}

// stack joins panels vertically, all of one width. strings.Join, not
// lipgloss.JoinVertical, which pads lines by lipgloss's narrower count.
func stack(t *styles.Theme, ps []panel, width int) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = renderPanel(t, p, width)
	}
	return strings.Join(out, "\n")
}

// row sets panels side by side, each as wide as widths says, their boxes
// as tall as the tallest body.
func row(t *styles.Theme, ps []panel, widths []int) string {
	tallest := 0
	for i, p := range ps {
		inner := max(widths[i]-t.Panel.GetHorizontalFrameSize(), 1)
		tallest = max(tallest, strings.Count(p.body(inner), "\n")+1)
	}
	out := renderPanelLines(t, ps[0], widths[0], tallest)
	width := widths[0]
	for i := 1; i < len(ps); i++ {
		out = columns(out, renderPanelLines(t, ps[i], widths[i], tallest), width, widths[i])
		width += gap + widths[i]
	}
	return out
}
