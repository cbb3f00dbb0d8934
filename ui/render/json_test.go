package render

import (
	"strings"
	"testing"
)

func TestJSONIndentsAndEscapesWhatATerminalWouldActOn(t *testing.T) {
	doc := []byte("{\"name\":\"Eve\u202e\u200b\u0085\u007f\u2028\",\"n\":1.50,\"esc\":\"\\u001b[2J\"}")
	got, err := JSON(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"name\": \"Eve\\u202e\\u200b\\u0085\\u007f\\u2028\",\n  \"n\": 1.50,\n  \"esc\": \"\\u001b[2J\"\n}"
	if got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	if strings.ContainsAny(got, "\u202e\u200b\u0085\u007f\u2028\x1b") {
		t.Error("a raw control or format character got through")
	}
	if _, err := JSON([]byte("<html>")); err == nil {
		t.Error("not JSON, no error")
	}
}

func TestJSONLineIsOneEscapedLine(t *testing.T) {
	got, err := JSONLine(map[string]any{"name": "Eve\u202e\n\u0085", "n": 2})
	if want := `{"n":2,"name":"Eve\u202e\n\u0085"}`; err != nil || got != want {
		t.Errorf("JSONLine = %s, %v; want %s", got, err, want)
	}
	if _, err := JSONLine(func() {}); err == nil {
		t.Error("a func encoded without an error")
	}
}

// TestEscapeJSONEscapesTheBlankLettersLineDrops: a Hangul filler is no Cf
// character, yet drawn blank; in JSON it is escaped like the rest, which
// loses nothing (jq reads it back).
func TestEscapeJSONEscapesTheBlankLettersLineDrops(t *testing.T) {
	if got, want := string(EscapeJSON([]byte("\"a\u3164b\u034Fc\""))), `"a\u3164b\u034fc"`; got != want {
		t.Errorf("EscapeJSON = %s, want %s", got, want)
	}
}

// TestHiddenIsWhatLineDrops: Hidden reports exactly the format characters
// Line removes, so that a copied value is the value read.
func TestHiddenIsWhatLineDrops(t *testing.T) {
	for _, s := range []string{"plain", "Sam 👩\u200D💻", "Привет", "a\u202eb", "a\u200Bb", "a\u3164b", "x\u200Dy", "\U000E0041tag"} {
		if got, dropped := Hidden(s), Line(s) != s; got != dropped {
			t.Errorf("%+q: Hidden = %v, but Line drops something: %v", s, got, dropped)
		}
	}
}
