package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// Dash stands for a value that is absent or null, so an empty field never
// looks like a rendering bug and never reads "<nil>" or "0".
const Dash = "—"

// Or returns the sanitized text, or Dash when it is blank.
func Or(s string) string {
	if t := strings.TrimSpace(Line(s)); t != "" {
		return t
	}
	return Dash
}

// Ptr is Or for a nullable string.
func Ptr[T ~string](p *T) string {
	if p == nil {
		return Dash
	}
	return Or(string(*p))
}

// Number shows a number with the digits the API sent (884213, 1042.5,
// 9007199254740993), never rounded through a float. A value the API sent
// as another type shows its text (the string "4471" as 4471): NotNumber
// says so beside it where there is room.
func Number(n *api.Number) string {
	if n == nil {
		return Dash
	}
	return Or(n.String())
}

// NotNumber is the tag of a value the contract types as a number that came
// as something else; "" for a number or an absent value.
func NotNumber(n *api.Number) string {
	if n == nil || n.IsNumber() {
		return ""
	}
	return "not a number"
}

// Bool formats a nullable boolean as yes/no.
func Bool(b *bool) string {
	switch {
	case b == nil:
		return Dash
	case *b:
		return "yes"
	default:
		return "no"
	}
}

// Time formats an instant as an absolute UTC time plus its age relative to
// now, e.g. "2026-11-24 14:03 UTC · 3h ago".
func Time(t time.Time, now time.Time) string {
	if t.IsZero() {
		return Dash
	}
	return t.UTC().Format("2006-01-02 15:04 UTC") + " · " + Age(t, now)
}

// Age says how long ago t was: "just now", "5m ago", "3h ago", "2d ago",
// "3w ago", "4mo ago", "2y ago"; "in 5m" for the future.
func Age(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < 0 && -d >= time.Minute:
		return "in " + Span(-d)
	case d < time.Minute:
		return "just now"
	}
	return Span(d) + " ago"
}

// Span is a duration in the largest whole unit, compact enough for a list
// column: "now", "5m", "3h", "2d", "3w", "4mo", "2y".
func Span(d time.Duration) string {
	const day = 24 * time.Hour
	d = max(d, 0)
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return strconv.FormatInt(int64(d/time.Minute), 10) + "m"
	case d < day:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d < 14*day:
		return strconv.FormatInt(int64(d/day), 10) + "d"
	case d < 60*day:
		return strconv.FormatInt(int64(d/(7*day)), 10) + "w"
	case d < 365*day:
		return strconv.FormatInt(int64(d/(30*day)), 10) + "mo"
	}
	return strconv.FormatInt(int64(d/(365*day)), 10) + "y"
}

// Enum shows an enum value exactly as the API sent it (sanitized). Unknown
// values, which a beta API will add, pass through the same way.
func Enum[T ~string](v T) string { return Or(string(v)) }
