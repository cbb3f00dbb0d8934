package render

import (
	"strings"
	"testing"
)

func TestWidthErrsWide(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Ana", 3},
		{"佐藤 花子", 9},
		{"प्रिया शर्मा", 10}, // what tmux and xterm draw; lipgloss says 5
		{"\x1b[31mred\x1b[0m", 3},
		{"Zoe\u0308", 3},
	}
	for _, tt := range tests {
		if got := Width(tt.in); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		w    int
		want string
	}{
		{"Ana", 6, "Ana   "},
		{"Ana Souza", 6, "Ana S…"},
		{"प्रिया शर्मा", 12, "प्रिया शर्मा  "},
		{"佐藤 花子", 6, "佐藤 …"},
	} {
		got := Fit(tt.in, tt.w)
		if got != tt.want || Width(got) > tt.w {
			t.Errorf("Fit(%q, %d) = %q (width %d), want %q", tt.in, tt.w, got, Width(got), tt.want)
		}
	}
	long := strings.Repeat("प्रि", 5000)
	if got := Fit(long, 20); Width(got) > 20 {
		t.Errorf("Fit(long) is %d wide", Width(got))
	}
}

func TestClipLine(t *testing.T) {
	line := "\x1b[1mname\x1b[0m प्रिया शर्मा" + strings.Repeat(" ", 10)
	got := ClipLine(line, 20)
	if Width(got) > 20 {
		t.Errorf("ClipLine left %d cells: %q", Width(got), got)
	}
	if ClipLine("short", 20) != "short" {
		t.Error("ClipLine changed a short line")
	}
}
