package write

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/resolve"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/render"
)

// target is one SESSION as given: its text, and how it is named in a
// result line before it is resolved.
type target struct {
	text  string
	query resolve.Query
}

// label is how a result line names the session: an ID by its first block,
// as `cxi list` does, other text as given (sanitized).
func (t target) label() string {
	if t.query.Kind == resolve.KindID {
		return api.ShortID(t.query.Value)
	}
	return render.Line(t.text)
}

// maxStdin bounds what `-` reads: a list of session IDs, one a line.
const maxStdin = 4 << 20

// targets are the SESSION arguments, "-" replaced by stdin's lines (blank
// ones skipped). Every one is checked before anything is sent: a
// mistake in the tenth is a usage error, not a batch stopped half-way.
func targets(args []string, stdin io.Reader) ([]target, error) {
	var out []target
	readStdin := false
	add := func(text, where string) error {
		q, err := resolve.Classify(text)
		if err != nil {
			return command.Usagef("%s%v", where, err)
		}
		out = append(out, target{text: text, query: q})
		return nil
	}
	for _, a := range args {
		if a != "-" {
			if err := add(a, ""); err != nil {
				return nil, err
			}
			continue
		}
		if readStdin {
			return nil, command.Usagef("- is given twice: stdin is read once")
		}
		readStdin = true
		if stdin == nil {
			continue
		}
		sc := bufio.NewScanner(io.LimitReader(stdin, maxStdin))
		sc.Buffer(make([]byte, 64*1024), 64*1024)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			if err := add(line, fmt.Sprintf("stdin, line %d: ", n)); err != nil {
				return nil, err
			}
		}
		if err := sc.Err(); err != nil {
			return nil, command.Usagef("read the sessions from stdin: %v", err)
		}
	}
	if len(out) == 0 {
		if readStdin {
			return nil, command.Usagef("no session on stdin")
		}
		return nil, command.Usagef("expected at least one SESSION (or - to read them from stdin, one a line)")
	}
	return out, nil
}
