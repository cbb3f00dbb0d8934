package render

import (
	"testing"
	"time"
)

func TestAge(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		ago  time.Duration
		want string
	}{
		{10 * time.Second, "just now"},
		{5 * time.Minute, "5m ago"},
		{3*time.Hour + 59*time.Minute, "3h ago"},
		{49 * time.Hour, "2d ago"},
		{90 * 24 * time.Hour, "3mo ago"},
		{800 * 24 * time.Hour, "2y ago"},
		{-5 * time.Minute, "in 5m"},
		{-10 * time.Second, "just now"},
		{20 * 24 * time.Hour, "2w ago"},
	}
	for _, tt := range tests {
		if got := Age(now.Add(-tt.ago), now); got != tt.want {
			t.Errorf("Age(-%s) = %q, want %q", tt.ago, got, tt.want)
		}
	}
	if got := Time(time.Date(2026, 11, 25, 9, 0, 0, 0, time.FixedZone("x", 3600)), now); got != "2026-11-25 08:00 UTC · 4h ago" {
		t.Errorf("Time = %q", got)
	}
	if got := Time(time.Time{}, now); got != Dash {
		t.Errorf("Time(zero) = %q", got)
	}
}
