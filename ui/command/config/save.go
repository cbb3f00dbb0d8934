package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/opencx-tools/cxi/ui/command/config/privatefile"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// SaveActions writes o back to the file at path as [actions] helpdesk and
// summary, changing only those two values: every other line, comment and
// the order of the file stay as they are. A key not in the file is added
// under [actions] (the table at the end of the file when there is none);
// a missing file is created, private. The new file replaces the old one
// at once (a private file renamed over it), so a reader never sees half
// of it and its 0600 mode is kept. A file Load would refuse (not private,
// not valid) is left alone and the error says why.
func SaveActions(path string, o StatusOptions) error {
	return rewrite(path, "the options", func(doc []byte) ([]byte, error) { return setActions(doc, o) })
}

// rewrite is the one way cxi writes config.toml back (SaveActions,
// SavePreview): read the file (a missing one is empty), refuse one Load
// would refuse, apply edit to its bytes, and replace it with the result,
// private, at once. what names what is being remembered, for the error
// when there is no file to remember it in.
func rewrite(path, what string, edit func(doc []byte) ([]byte, error)) error {
	if path == "" {
		return errors.New("no config file to remember " + what + " in")
	}
	doc, err := readPrivate(path)
	if errors.Is(err, fs.ErrNotExist) {
		doc, err = nil, nil
	}
	if err != nil {
		return fileError("read", path, err)
	}
	if len(doc) > 0 {
		if _, err := parse(path, doc); err != nil { // the bytes read: a second read could see another file
			return err
		}
	}
	doc, err = edit(doc)
	if err != nil {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	return fileError("write", path, privatefile.Replace(path, doc))
}

// fileError says that path could not be read or written (verb), and why
// in the system's words, without the name of the temporary file the
// system's error may hold; cxi's own errors (a link to nowhere, a file
// open to others) already name the file and pass as they are.
func fileError(verb, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s %s: %w", verb, path, pe.Err)
	}
	return err
}

// setActions is doc with [actions] helpdesk and summary set to o.
func setActions(doc []byte, o StatusOptions) ([]byte, error) {
	want := map[string]bool{"helpdesk": o.Helpdesk, "summary": o.Summary}
	if len(doc) > 0 && !bytes.HasSuffix(doc, []byte("\n")) {
		doc = append(doc[:len(doc):len(doc)], '\n')
	}
	spans, table, err := tableSpans(doc, "actions")
	if err != nil {
		return nil, err
	}
	type edit struct {
		at, end int
		text    string
	}
	var edits []edit
	var missing []string
	for _, k := range actionsKeys {
		if sp, ok := spans[k]; ok {
			edits = append(edits, edit{sp[0], sp[1], strconv.FormatBool(want[k])})
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		var add strings.Builder
		for _, k := range missing {
			fmt.Fprintf(&add, "%s = %t\n", k, want[k])
		}
		switch {
		case table >= 0:
			edits = append(edits, edit{table, table, add.String()})
		case spans["inline"][1] > 0:
			return nil, errors.New("[actions] is an inline table: add helpdesk and summary to it by hand")
		default:
			sep := "\n"
			if len(doc) == 0 {
				sep = ""
			}
			edits = append(edits, edit{len(doc), len(doc), sep + "[actions]\n" + add.String()})
		}
	}
	// Apply from the end, so that earlier offsets stay right.
	slices.SortFunc(edits, func(a, b edit) int { return cmp.Compare(a.at, b.at) })
	out := append([]byte(nil), doc...)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = append(out[:e.at:e.at], append([]byte(e.text), out[e.end:]...)...)
	}
	var check file
	dec := toml.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&check); err != nil || check.Actions != (fileActions{Helpdesk: o.Helpdesk, Summary: o.Summary}) {
		return nil, fmt.Errorf("could not update [actions] in place (%v): set helpdesk and summary by hand", err)
	}
	return out, nil
}

// tableSpans finds, in doc, the byte range of each value of the table
// named name (spans["helpdesk"], spans["summary"] for [actions]),
// spans["inline"] for a `name = { … }` table, and the offset just after
// the [name] header line (-1 when there is none), where a missing key goes.
func tableSpans(doc []byte, name string) (map[string][2]int, int, error) {
	spans := map[string][2]int{}
	table := -1
	var p unstable.Parser
	p.Reset(doc)
	var current []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first *unstable.Node
			current, first = keyPath(nil, e.Key())
			if e.Kind == unstable.Table && strings.Join(current, ".") == name && first != nil {
				// After the header's line (doc ends with a newline).
				start := int(first.Raw.Offset)
				table = start + bytes.IndexByte(doc[start:], '\n') + 1
			}
		case unstable.KeyValue:
			path, _ := keyPath(current, e.Key())
			v := e.Value()
			switch {
			case strings.Join(path, ".") == name && v.Kind == unstable.InlineTable:
				spans["inline"] = [2]int{int(v.Raw.Offset), int(v.Raw.Offset + v.Raw.Length)}
				it := v.Children()
				for it.Next() {
					if n := it.Node(); n.Kind == unstable.KeyValue {
						inner, _ := keyPath(nil, n.Key())
						if len(inner) == 1 {
							iv := n.Value()
							spans[inner[0]] = [2]int{int(iv.Raw.Offset), int(iv.Raw.Offset + iv.Raw.Length)}
						}
					}
				}
			case len(path) == 2 && path[0] == name:
				spans[path[1]] = [2]int{int(v.Raw.Offset), int(v.Raw.Offset + v.Raw.Length)}
			}
		}
	}
	if err := p.Error(); err != nil {
		return nil, -1, err
	}
	return spans, table, nil
}
