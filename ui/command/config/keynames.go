package config

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namedKeys are the names bubbletea v1's tea.KeyMsg.String() gives the keys
// cxi lets you bind, besides single characters and alt+<character>. ctrl+i
// and ctrl+m are left out: terminals send them as tab and enter.
var namedKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields("enter esc tab shift+tab backspace delete up down left right home end pgup pgdown") {
		m[k] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		if c != 'i' && c != 'm' {
			m["ctrl+"+string(c)] = true
		}
	}
	for i := 1; i <= 12; i++ {
		m[fmt.Sprintf("f%d", i)] = true
	}
	return m
}()

// validKeys is the list given when a key name is not valid.
const validKeys = "a single character, space, enter, esc, tab, shift+tab, backspace, delete, " +
	"up, down, left, right, home, end, pgup, pgdown, ctrl+a…ctrl+z, ctrl+space, alt+<character>, f1…f12"

// keyHints answer names people write for keys that terminals report otherwise.
var keyHints = map[string]string{
	"ctrl+i": `terminals send ctrl+i as tab: use "tab"`,
	"ctrl+m": `terminals send ctrl+m as enter: use "enter"`,
	"ctrl+[": `terminals send ctrl+[ as esc: use "esc"`,
	"escape": `did you mean "esc"?`, "return": `did you mean "enter"?`, "del": `did you mean "delete"?`,
	"pgdn": `did you mean "pgdown"?`, "pagedown": `did you mean "pgdown"?`, "pageup": `did you mean "pgup"?`,
	"spacebar": `did you mean "space"?`,
}

// keyName checks a key name as written in [keys] and returns it as
// tea.KeyMsg.String() reports it, which is what key.Binding matches:
// "space" becomes " " (bubbletea v1 reports the space bar as " ").
func keyName(s string) (string, error) {
	switch {
	case s == "space":
		return " ", nil
	case s == "ctrl+space":
		return "ctrl+@", nil // terminals send NUL for it, which bubbletea v1 names ctrl+@
	case namedKeys[s], isChar(s):
		return s, nil
	}
	if rest, ok := strings.CutPrefix(s, "alt+"); ok {
		if rest == "space" {
			return "alt+ ", nil
		}
		if isChar(rest) {
			return s, nil
		}
	}
	if hint, ok := keyHints[strings.ToLower(s)]; ok {
		return "", fmt.Errorf("invalid key name %q: %s", s, hint)
	}
	if lower := strings.ToLower(s); lower != s && len(s) > 1 {
		if _, err := keyName(lower); err == nil {
			return "", fmt.Errorf("invalid key name %q: did you mean %q?", s, lower)
		}
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "shift+"); ok && len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z' {
		return "", fmt.Errorf("invalid key name %q: did you mean %q?", s, strings.ToUpper(rest))
	}
	return "", fmt.Errorf("invalid key name %q (valid: %s)", s, validKeys)
}

// isChar reports whether s is one printable character.
func isChar(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && r != utf8.RuneError && unicode.IsPrint(r)
}

// displayName is how a key shows in an error message: as written in
// the config, where " " is "space".
func displayName(k string) string {
	switch k {
	case " ":
		return "space"
	case "alt+ ":
		return "alt+space"
	case "ctrl+@":
		return "ctrl+space"
	}
	return k
}
