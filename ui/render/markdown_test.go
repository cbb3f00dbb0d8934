package render

import "testing"

// TestMarkdownTextEscapesOnlyWhatMeansSomething: ordinary values stay
// readable where they are pasted (Slack shows backslashes), what could be
// Markdown is escaped. The rendered result is checked with a CommonMark
// renderer in ui/summary.
func TestMarkdownTextEscapesOnlyWhatMeansSomething(t *testing.T) {
	for in, want := range map[string]string{
		"handed_off #884213 ZD-884213 2026-11-25 a.b": "handed_off #884213 ZD-884213 2026-11-25 a.b",
		`\[click here\](http://evil.example)`:         `\\\[click here\\\](http\://evil.example)`,
		"__x__ ~~x~~ *x* <b>x</b> &lt; a|b `x`":       "\\_\\_x\\_\\_ \\~\\~x\\~\\~ \\*x\\* \\<b\\>x\\</b\\> \\&lt; a\\|b \\`x\\`",
		"# h\n- i\n+ i\n1. i\n2) i\n===\n> q":         "\\# h\n\\- i\n\\+ i\n1\\. i\n2\\) i\n\\===\n\\> q",
		"    code\n\tcode":                            "code\ncode",
		"www.evil.example ana@evil.example":           `www\.evil.example ana\@evil.example`,
		"x_www.evil.example _a a_":                    `x_www\.evil.example \_a a\_`,
		"1. kg, not 1.5":                              `1\. kg, not 1.5`,
	} {
		if got := MarkdownText(in); got != want {
			t.Errorf("MarkdownText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownCodeFencesBackticks(t *testing.T) {
	for in, want := range map[string]string{
		"3c90c3cc": "`3c90c3cc`",
		"a`b":      "``a`b``",
		"a``b`":    "``` a``b` ```",
		"`x":       "`` `x ``",
		" x ":      "`  x  `",
		"  ":       "`  `",
	} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownTextLeavesWhatIsNoBlockMarker(t *testing.T) {
	for in, want := range map[string]string{
		"#17":      "#17",
		"-5 °C":    "-5 °C",
		"+44 7700": "+44 7700",
		"1.5 kg":   "1.5 kg",
		"#":        `\#`,
		"-":        `\-`,
		"- - -":    `\- - -`,
		"--":       `\--`,
		"1.":       `1\.`,
		"###### x": `\###### x`,
	} {
		if got := MarkdownText(in); got != want {
			t.Errorf("MarkdownText(%q) = %q, want %q", in, got, want)
		}
	}
}
