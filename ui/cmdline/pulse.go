package cmdline

import (
	"github.com/opencx-tools/cxi/api/pulse"
	"github.com/opencx-tools/cxi/ui/render"
)

// PulseMsg is :pulse: the pulse view of Span, or with Line set the
// header's pulse line shown (true) or hidden (false).
type PulseMsg struct {
	Span pulse.Span
	Line *bool
}

func (PulseMsg) command() {}

// pulseArgs are what :pulse takes: the picker's periods, and on/off for
// the header's line.
func pulseArgs() []string { return []string{"today", "7d", "30d", "on", "off"} }

// pulseSpec is :pulse.
func pulseSpec() spec {
	return spec{name: "pulse", usage: "[today|7d|30d|on|off]", about: "the pulse of the shift; on/off, the header's pulse line",
		args: func(_ Registry, before []string, _ string) []string {
			if len(before) > 0 {
				return nil
			}
			return pulseArgs()
		},
		parse: func(_ Registry, line string, args []string) (Msg, error) {
			switch {
			case len(args) == 0:
				return PulseMsg{Span: pulse.Week}, nil
			case len(args) > 1:
				return nil, bad(line, "it takes one of "+oneOf(pulseArgs()))
			case args[0] == "on" || args[0] == "off":
				on := args[0] == "on"
				return PulseMsg{Line: &on}, nil
			}
			span, err := pulse.ParseSpan(args[0])
			if err != nil {
				return nil, bad(line, render.Line(err.Error())+"; or on/off for the header's pulse line")
			}
			return PulseMsg{Span: span}, nil
		}}
}
