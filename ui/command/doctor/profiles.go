package doctor

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/opencx-tools/cxi/ui/render"
)

// defaultProfile is config.DefaultProfile, named as doctor prints it.
const defaultProfile = "default"

// loginFix is how the profile's key is stored: the default profile's
// also by OPENCX_API_KEY, which stands for the profile in use alone.
func (in Inputs) loginFix() string {
	if in.Profile == "" || in.Profile == defaultProfile {
		return fixLogin
	}
	if in.InUse {
		return "run cxi auth login --profile " + in.Profile + ", or export OPENCX_API_KEY"
	}
	return "run cxi auth login --profile " + in.Profile
}

// newKeyFix is how a rejected key of the profile is replaced.
func (in Inputs) newKeyFix() string {
	if in.Profile == "" || in.Profile == defaultProfile {
		return "run cxi auth login to store a new key"
	}
	return "run cxi auth login --profile " + in.Profile + " to store a new key"
}

// profileChecks are the API checks of every profile, each under its name,
// when the config names profiles; the one profile's checks as before when
// it names none. failed are the profiles whose checks failed, in order.
func profileChecks(ctx context.Context, in Inputs) (sections []section, failed []string) {
	if len(in.Others) == 0 {
		return []section{{results: apiChecks(ctx, in)}}, nil
	}
	for _, p := range append([]Inputs{in}, in.Others...) {
		head := "Profile " + render.Line(p.Profile)
		if p.InUse {
			head += " (in use)"
		}
		s := section{head: head + ": " + render.Line(p.BaseURL), results: apiChecks(ctx, p)}
		for _, r := range s.results {
			if !r.ok && !r.warn && !r.note {
				failed = append(failed, render.Line(p.Profile))
				break
			}
		}
		sections = append(sections, s)
	}
	return sections, failed
}

// section is checks under a heading ("" for none, whose lines are not
// indented).
type section struct {
	head    string
	results []result
}

// print writes the section's lines: a heading, then its checks indented
// under it.
func (s section) print(w io.Writer) (failed, warned, notes int) {
	indent := ""
	if s.head != "" {
		fmt.Fprintln(w, s.head)
		indent = "  "
	}
	for _, r := range s.results {
		mark := "✘ "
		switch {
		case r.note:
			fmt.Fprintln(w, indent+"· "+r.line)
			notes++
			continue
		case r.ok:
			fmt.Fprintln(w, indent+"✔ "+r.line)
			continue
		case r.warn:
			mark = "! "
			warned++
		default:
			failed++
		}
		fmt.Fprintln(w, indent+mark+r.line)
		if r.fix != "" {
			fmt.Fprintln(w, indent+"    fix: "+r.fix)
		}
	}
	return failed, warned, notes
}

// failedProfiles is the line that names the profiles whose checks failed.
func failedProfiles(names []string) string {
	if len(names) == 1 {
		return "Failed: profile " + names[0] + "."
	}
	return "Failed: profiles " + strings.Join(names, ", ") + "."
}
