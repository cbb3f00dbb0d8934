package expand

import (
	"errors"
	"fmt"
	"strings"

	"github.com/opencx-tools/cxi/api"
)

// Args is a checked `run` template: an argument list, the program first.
type Args struct {
	args [][]piece
}

// ParseArgs checks run: not empty, the program named by the template
// itself (no placeholder in it), every placeholder known.
func ParseArgs(run []string) (Args, error) {
	if len(run) == 0 || run[0] == "" {
		return Args{}, errors.New("run must name a program first, such as [\"zendesk-cli\", \"ticket\", \"{external_id}\"]")
	}
	a := Args{args: make([][]piece, len(run))}
	for i, arg := range run {
		ps, err := parse(arg)
		if err != nil {
			return Args{}, fmt.Errorf("run[%d] %q %w", i, arg, err)
		}
		if i == 0 && hasField(ps) {
			return Args{}, fmt.Errorf("run[0] %q must name the program itself, not a placeholder: the session's data never chooses what runs", arg)
		}
		a.args[i] = ps
	}
	return a, nil
}

// Expand is the argument list for s: each template argument stays one
// argument whatever its values hold (spaces, quotes, ";", "$(…)"), for
// os/exec, never a shell. A value that would open an argument with "-"
// is refused: the program would read it as an option.
func (a Args) Expand(s *api.Session) ([]string, error) {
	out := make([]string, len(a.args))
	for i, ps := range a.args {
		var b strings.Builder
		for j, p := range ps {
			if p.field == "" {
				b.WriteString(p.text)
				continue
			}
			v, err := Value(s, p.field)
			if err != nil {
				return nil, err
			}
			if j == 0 && strings.HasPrefix(v, "-") {
				return nil, fmt.Errorf("this session's %s starts with %q, which the program would read as an option: cxi will not pass it on", p.field, "-")
			}
			b.WriteString(v)
		}
		out[i] = b.String()
	}
	return out, nil
}
