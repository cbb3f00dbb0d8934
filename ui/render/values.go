package render

import (
	"math"
	"strconv"
	"strings"
	"time"
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

// Number formats a JSON number without exponent or trailing zeros: 884213,
// 1042.5. The contract types ticket_number as a number, not an integer.
func Number(f *float64) string {
	if f == nil || math.IsNaN(*f) || math.IsInf(*f, 0) {
		return Dash
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
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

// Age says how long ago t was, in the largest whole unit: "just now",
// "5m ago", "3h ago", "2d ago", "4mo ago", "2y ago"; "in 5m" for the future.
func Age(t, now time.Time) string {
	d := now.Sub(t)
	suffix := " ago"
	prefix := ""
	if d < 0 {
		d, suffix, prefix = -d, "", "in "
	}
	var n int64
	var unit string
	switch {
	case d < time.Minute:
		if prefix != "" {
			return "in under a minute"
		}
		return "just now"
	case d < time.Hour:
		n, unit = int64(d/time.Minute), "m"
	case d < 24*time.Hour:
		n, unit = int64(d/time.Hour), "h"
	case d < 60*24*time.Hour:
		n, unit = int64(d/(24*time.Hour)), "d"
	case d < 365*24*time.Hour:
		n, unit = int64(d/(30*24*time.Hour)), "mo"
	default:
		n, unit = int64(d/(365*24*time.Hour)), "y"
	}
	return prefix + strconv.FormatInt(n, 10) + unit + suffix
}

// Enum shows an enum value exactly as the API sent it (sanitized). Unknown
// values, which a beta API will add, pass through the same way.
func Enum[T ~string](v T) string { return Or(string(v)) }
