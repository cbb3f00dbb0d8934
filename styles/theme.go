// Package styles holds cxi's theme. Views ask the theme for styles and
// never build colours inline, so one place decides how cxi looks on light
// and dark terminals and with NO_COLOR.
package styles

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Theme is every style cxi draws with, built once for one renderer.
type Theme struct {
	Title      lipgloss.Style // the app name in the header
	Panel      lipgloss.Style // a bordered detail panel
	PanelTitle lipgloss.Style // the heading inside a panel
	Label      lipgloss.Style // a field label
	Value      lipgloss.Style // a field value
	Muted      lipgloss.Style // secondary text: ages, IDs, hints, dashes
	Marker     lipgloss.Style // "unverified", "new value" and similar tags
	Key        lipgloss.Style // a key name in inline hints ("y copy")
	Error      lipgloss.Style // inline input errors
	ErrorPanel lipgloss.Style // the bordered error box
	StatusLine lipgloss.Style // the transient confirmation line
	Prompt     lipgloss.Style // the input prompt
	Spinner    lipgloss.Style
	HelpKey    lipgloss.Style // key names in the help line
	HelpDesc   lipgloss.Style // what a key does
	HelpSep    lipgloss.Style // separators in the help line
	Header     lipgloss.Style // the top bar
	Selected   lipgloss.Style // the chosen row in a list

	badge      lipgloss.Style
	angry      lipgloss.Style
	neutral    lipgloss.Style
	happy      lipgloss.Style
	open       lipgloss.Style
	resolved   lipgloss.Style
	unresolved lipgloss.Style
	unknown    lipgloss.Style
}

// Adaptive colours: the first of each pair for light backgrounds.
var (
	accent  = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#9D8CFF"}
	subtle  = lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#7A7A7A"}
	border  = lipgloss.AdaptiveColor{Light: "#B8B8C8", Dark: "#4A4A5A"}
	text    = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E4E4E4"}
	red     = lipgloss.AdaptiveColor{Light: "#C0262D", Dark: "#FF5F67"}
	amber   = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"}
	green   = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
	blue    = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#58A6FF"}
	onBadge = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#101010"}
)

// New builds the theme for a renderer. Tests pass a renderer with a fixed
// colour profile so golden files do not depend on the terminal; with
// NO_COLOR or TERM=dumb the renderer's profile drops the colours and the
// badges still read as their words.
func New(r *lipgloss.Renderer) *Theme {
	s := r.NewStyle
	badge := s().Bold(true).Padding(0, 1).Foreground(onBadge)
	if r.ColorProfile() == termenv.Ascii {
		// Without colour the padding would only shift the word out of line.
		badge = s().Bold(true)
	}
	return &Theme{
		Title:      s().Bold(true).Foreground(accent),
		Panel:      s().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1),
		PanelTitle: s().Bold(true).Foreground(accent),
		Label:      s().Foreground(subtle),
		Value:      s().Foreground(text),
		Muted:      s().Foreground(subtle),
		Marker:     s().Italic(true).Foreground(amber),
		Key:        s().Bold(true).Foreground(accent),
		Error:      s().Foreground(red),
		ErrorPanel: s().Border(lipgloss.RoundedBorder()).BorderForeground(red).Padding(0, 1),
		StatusLine: s().Foreground(green),
		Prompt:     s().Bold(true).Foreground(accent),
		Spinner:    s().Foreground(accent),
		HelpKey:    s().Foreground(text).Bold(true),
		HelpDesc:   s().Foreground(subtle),
		HelpSep:    s().Foreground(border),
		Header:     s().Foreground(subtle),
		Selected:   s().Foreground(accent).Bold(true),

		badge:      badge,
		angry:      badge.Background(red),
		neutral:    badge.Background(amber),
		happy:      badge.Background(green),
		open:       badge.Background(blue),
		resolved:   badge.Background(green),
		unresolved: badge.Background(red),
		unknown:    badge.Background(subtle),
	}
}

// SentimentBadge draws a sentiment as a coloured badge. Unknown values
// (the enum grows) get a neutral grey badge with their own text.
func (t *Theme) SentimentBadge(sentiment string) string {
	return t.SentimentStyle(sentiment).Render(sentiment)
}

// SentimentStyle is the badge style for a sentiment, for callers that
// draw a different label (a truncated one) in the same colours.
func (t *Theme) SentimentStyle(sentiment string) lipgloss.Style {
	switch sentiment {
	case "angry":
		return t.angry
	case "neutral":
		return t.neutral
	case "happy":
		return t.happy
	}
	return t.unknown
}

// StatusBadge draws a session status as a coloured badge.
func (t *Theme) StatusBadge(status string) string {
	return t.StatusStyle(status).Render(status)
}

// StatusStyle is the badge style for a status.
func (t *Theme) StatusStyle(status string) lipgloss.Style {
	switch status {
	case "open":
		return t.open
	case "closed_resolved":
		return t.resolved
	case "closed_unresolved":
		return t.unresolved
	}
	return t.unknown
}

// Plain is the theme without colour or attributes: what NO_COLOR gets, and
// what golden tests draw with so that they do not depend on the terminal.
func Plain() *Theme {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	return New(r)
}
