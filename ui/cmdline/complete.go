package cmdline

import (
	"strings"
	"unicode/utf8"
)

// completion is what can complete a line: the line is head followed by
// one of cands.
type completion struct {
	head  string
	word  string // what is typed of the word being completed
	cands []string
	more  bool // a completed argument takes a space after it (more may follow)
}

// line is the line completed with cands[i]: a command that takes
// arguments, or an argument after which more may follow, with a space
// after it, ready for the next.
func (c completion) line(i int) string {
	s := c.head + c.cands[i]
	if c.head == "" {
		if cmd, _ := find(c.cands[i]); cmd.args != nil || cmd.rest {
			s += " "
		}
		return s
	}
	if c.more && !strings.HasSuffix(s, "=") {
		s += " "
	}
	return s
}

// complete is what completes the end of text: a command's name, then its
// arguments (a view's name, a filter's key or value, a copy field). A
// name from the Registry is matched regardless of case.
func complete(text string, r Registry) completion {
	name, rest, spaced := strings.Cut(text, " ")
	if !spaced {
		var cands []string
		for _, c := range commands() {
			if strings.HasPrefix(c.name, name) {
				cands = append(cands, c.name)
			}
		}
		return completion{word: name, cands: cands}
	}
	c, ok := find(name)
	if !ok || c.args == nil {
		return completion{}
	}
	if c.rest {
		word := strings.TrimLeft(rest, " ")
		return completion{head: text[:len(text)-len(word)], word: word, cands: prefixed(c.args(r, nil, word), word, true)}
	}
	at := strings.LastIndex(text, " ") + 1
	word := text[at:]
	before := strings.Fields(text[len(name):at])
	return completion{head: text[:at], word: word, cands: prefixed(c.args(r, before, word), word, false), more: c.more}
}

// prefixed is those of all that start with word.
func prefixed(all []string, word string, foldCase bool) []string {
	var out []string
	for _, a := range all {
		if strings.HasPrefix(a, word) || (foldCase && strings.HasPrefix(strings.ToLower(a), strings.ToLower(word))) {
			out = append(out, a)
		}
	}
	return out
}

// sharedPrefix is the longest prefix every one of cands shares, whole
// characters only.
func sharedPrefix(cands []string) string {
	if len(cands) == 0 {
		return ""
	}
	p := cands[0]
	for _, c := range cands[1:] {
		for !strings.HasPrefix(c, p) {
			p = p[:len(p)-1]
		}
	}
	for !utf8.ValidString(p) {
		p = p[:len(p)-1]
	}
	return p
}
