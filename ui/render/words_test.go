package render

import (
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
)

// TestFieldChangeSaysAStatusInTheSameWords: a status kept as the API's
// "closed_unresolved" reads "unresolved" in a change too, as everywhere;
// other fields read as kept, sanitized.
func TestFieldChangeSaysAStatusInTheSameWords(t *testing.T) {
	for _, tt := range []struct{ field, before, after, want string }{
		{store.FieldStatus, "open", "closed_unresolved", "open → unresolved"},
		{store.FieldStatus, "closed_resolved", "", "resolved → " + Dash},
		{store.FieldSentiment, "neutral", "angry\x1b[2J", "neutral → angry"},
		{store.FieldTeam, "closed_resolved", "billing", "closed_resolved → billing"},
	} {
		if got := FieldChange(tt.field, tt.before, tt.after); got != tt.want {
			t.Errorf("FieldChange(%q, %q, %q) = %q, want %q", tt.field, tt.before, tt.after, got, tt.want)
		}
	}
}

func TestStatusUsesTheQueuesWords(t *testing.T) {
	for in, want := range map[api.Status]string{
		api.StatusOpen:             "open",
		api.StatusClosedUnresolved: "unresolved",
		api.StatusClosedResolved:   "resolved",
		"pending_review":           "pending_review", // a new value, as sent
		"evil\x1b[2J":              "evil",           // sanitized
		"":                         Dash,
	} {
		if got := Status(in); got != want {
			t.Errorf("Status(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDurationReadsAsWritten(t *testing.T) {
	for _, tt := range []struct {
		in   time.Duration
		want string
	}{
		{time.Minute, "1m"},
		{30 * time.Second, "30s"},
		{90 * time.Second, "1m30s"},
		{time.Hour, "1h"},
		{24 * time.Hour, "24h"},
		{36 * time.Hour, "36h"},
		{7 * 24 * time.Hour, "7d"},
		{30 * 24 * time.Hour, "30d"},
		{time.Hour + 30*time.Minute, "1h30m"},
		{1500 * time.Millisecond, "1.5s"},
		{0, "0s"},
	} {
		if got := Duration(tt.in); got != tt.want {
			t.Errorf("Duration(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
