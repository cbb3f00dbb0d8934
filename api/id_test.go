package api_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

func TestParseSessionID(t *testing.T) {
	const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a"
	const other = "a7e41d09-2b6c-4f38-8e5a-0d91c3b7f2a6"
	tests := []struct {
		name   string
		in     string
		want   string
		reason string // when want is "": a substring of the error's Reason
	}{
		{"bare", id, id, ""},
		{"upper case is returned lower case", strings.ToUpper(id), id, ""},
		{"mixed case", "3C90c3CC-0d44-4B50-8888-8DD25736052a", id, ""},
		{"dashboard URL", "https://app.open.cx/inbox/sessions/" + id + "?tab=1", id, ""},
		{"URL fragment", "https://app.open.cx/inbox#/sessions/" + id, id, ""},
		{"log line", `2026-03-11T13:47:19Z ERROR handoff failed session=` + id + ` org=42 took=3.2s`, id, ""},
		{"id=", "id=" + id, id, ""},
		{"JSON", `{"session_id":"` + id + `"}`, id, ""},
		{"paste with whitespace", "  \n\t" + id + "\r\n  ", id, ""},
		{"bracketed paste", "\x1b[200~" + id + "\x1b[201~", id, ""},
		{"bracketed paste with newline", "\x1b[200~\n" + strings.ToUpper(id) + "\n\x1b[201~\n", id, ""},
		{"non-breaking spaces and quotes", "\u00a0“" + id + "”\u00a0", id, ""},
		{"every version 1-8", "00000000-0000-1000-8000-000000000000", "00000000-0000-1000-8000-000000000000", ""},
		{"version 8", "ffffffff-ffff-8fff-bfff-ffffffffffff", "ffffffff-ffff-8fff-bfff-ffffffffffff", ""},
		{"nil UUID", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000", ""},
		{"max UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-ffffffffffff", ""},
		{"max UUID in capitals", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "ffffffff-ffff-ffff-ffff-ffffffffffff", ""},
		{"two IDs: the first wins", id + " " + other, id, ""},
		{"an invalid then a valid one", "3c90c3cc-0d44-0b50-8888-8dd25736052a then " + other, other, ""},
		{"glued then free", "x" + id + "ab " + other, other, ""},

		{"version 0", "3c90c3cc-0d44-0b50-8888-8dd25736052a", "", "3c90c3cc-0d44-0b50-8888-8dd25736052a is a version 0 UUID"},
		{"version 9", "3c90c3cc-0d44-9b50-8888-8dd25736052a", "", "3c90c3cc-0d44-9b50-8888-8dd25736052a is a version 9 UUID"},
		{"version f", "3c90c3cc-0d44-fb50-8888-8dd25736052a", "", "version f"},
		{"wrong variant", "3c90c3cc-0d44-4b50-c888-8dd25736052a", "", "3c90c3cc-0d44-4b50-c888-8dd25736052a has the wrong variant"},
		{"NCS variant", "3c90c3cc-0d44-4b50-0888-8dd25736052a", "", "wrong variant"},
		{"too short", "3c90c3cc-0d44-4b50-8888-8dd25736052", "", "no UUID"},
		{"no dashes", "3c90c3cc0d444b5088888dd25736052a", "", "no UUID"},
		{"glued to more hex after", id + "ff", "", "no UUID"},
		{"glued to more hex before", "ab" + id, "", "no UUID"},
		{"non-hex", "3c90c3cc-0d44-4b50-8888-8dd25736052g", "", "no UUID"},
		{"empty", "", "", "empty"},
		{"only whitespace", " \n\t ", "", "empty"},
		{"words", "the session from yesterday", "", "no UUID"},
		{"fullwidth digits", "３c90c3cc-0d44-4b50-8888-8dd25736052a", "", "no UUID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := api.ParseSessionID(tt.in)
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Fatalf("ParseSessionID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseSessionID(%q) = %q, want an error", tt.in, got)
			}
			if got != "" {
				t.Errorf("returned %q next to the error", got)
			}
			var idErr *api.IDError
			if !errors.As(err, &idErr) {
				t.Fatalf("error %T is not an *api.IDError", err)
			}
			if !errors.Is(err, api.ErrNoSessionID) {
				t.Errorf("errors.Is(err, ErrNoSessionID) is false")
			}
			if idErr.Input != tt.in {
				t.Errorf("Input = %q, want the text as given", idErr.Input)
			}
			if !strings.Contains(idErr.Reason, tt.reason) {
				t.Errorf("Reason = %q, want it to contain %q", idErr.Reason, tt.reason)
			}
			if want := "not a session ID: " + idErr.Reason; err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
		})
	}
}

func TestShortID(t *testing.T) {
	for in, want := range map[string]string{
		"3c90c3cc-0d44-4b50-8888-8dd25736052a": "3c90c3cc",
		"no-dash-first":                        "no",
		"nodash":                               "nodash",
		"-leading":                             "-leading",
		"":                                     "",
	} {
		if got := api.ShortID(in); got != want {
			t.Errorf("ShortID(%q) = %q, want %q", in, got, want)
		}
	}
}
