package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode"
)

// JSON is a JSON document indented for reading, with what encoding/json
// leaves raw escaped as \uXXXX: DEL, C1 controls and format characters
// (bidi overrides, zero-width), so that no API text reaches a terminal
// unescaped, as `cxi get --json` prints it.
func JSON(doc []byte) (string, error) {
	var b bytes.Buffer
	if err := json.Indent(&b, doc, "", "  "); err != nil {
		return "", err
	}
	var out bytes.Buffer
	for _, r := range b.String() {
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return out.String(), nil
}
