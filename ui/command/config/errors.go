package config

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
)

// Error is one problem in the config file. It prints as
// "config.toml:7: unknown key "refersh" in [queue]": the file's base name,
// the line when known, and what is wrong.
type Error struct {
	Path string // the file, as given to Load; "" for a Config built in code
	Line int    // 1-based; 0 when the problem has no line
	Msg  string
}

func (e *Error) Error() string {
	name := filepath.Base(e.Path)
	if e.Path == "" {
		name = "config"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return name + ": " + e.Msg
}

// problems collects every problem of a file, so that one start shows them
// all instead of one per attempt.
type problems struct {
	path string
	list []*Error
}

func (p *problems) add(line int, format string, args ...any) {
	p.list = append(p.list, &Error{Path: p.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err returns the problems in line order, joined (one a line), or nil.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	slices.SortStableFunc(p.list, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	errs := make([]error, len(p.list))
	for i, e := range p.list {
		errs[i] = e
	}
	return errors.Join(errs...)
}
