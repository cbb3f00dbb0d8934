package config

import (
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// lines maps where things are written in the file: a dotted key path
// ("theme", "queue.status", "keys.refresh") to the line of its key, and
// "keys.refresh[1]" to the line of the list's second element. go-toml's
// decoder keeps no positions once decoding succeeded, so the file is parsed
// a second time with its (unstable) AST parser just for them.
type lines map[string]int

// at returns the line of path, or 0 when it is not in the file.
func (l lines) at(path string) int { return l[path] }

// elem returns the line of a list's i-th element, falling back to its key's.
func (l lines) elem(path string, i int) int {
	if n := l[fmt.Sprintf("%s[%d]", path, i)]; n > 0 {
		return n
	}
	return l[path]
}

// findLines walks the document's expressions. It is called only on a
// document the decoder accepted, so a parse error cannot happen; if one did,
// the lines found so far are still right.
func findLines(doc []byte) lines {
	out := lines{}
	var p unstable.Parser
	p.Reset(doc)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first *unstable.Node
			table, first = keyPath(nil, e.Key())
			if first != nil {
				out.set(&p, strings.Join(table, "."), first)
			}
		case unstable.KeyValue:
			out.keyValue(&p, table, e)
		}
	}
	return out
}

// keyValue records a key-value, the elements of a list value, and the
// key-values of an inline table value (`queue = { status = "open" }`).
func (l lines) keyValue(p *unstable.Parser, table []string, kv *unstable.Node) {
	path, first := keyPath(table, kv.Key())
	if first == nil {
		return
	}
	name := strings.Join(path, ".")
	l.set(p, name, first)
	v := kv.Value()
	switch v.Kind {
	case unstable.Array:
		it := v.Children()
		for i := 0; it.Next(); {
			n := it.Node()
			if n.Kind == unstable.Comment {
				continue
			}
			if n.Raw.Length > 0 {
				l.set(p, fmt.Sprintf("%s[%d]", name, i), n)
			}
			i++
		}
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			if n := it.Node(); n.Kind == unstable.KeyValue {
				l.keyValue(p, path, n)
			}
		}
	}
}

func (l lines) set(p *unstable.Parser, path string, n *unstable.Node) {
	if _, ok := l[path]; !ok {
		l[path] = p.Shape(n.Raw).Start.Line
	}
}

// keyPath appends a (possibly dotted) key's parts to prefix and returns the
// key's first node, whose line is the key's line.
func keyPath(prefix []string, it unstable.Iterator) ([]string, *unstable.Node) {
	path := append([]string(nil), prefix...)
	var first *unstable.Node
	for it.Next() {
		n := it.Node()
		if first == nil {
			first = n
		}
		path = append(path, string(n.Data))
	}
	return path, first
}
