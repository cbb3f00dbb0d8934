package tui

import (
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/useraction"
)

// userCommands are the config's [[commands]], ready to run: ui reads no
// config type, so each is handed down as a useraction.Spec.
func userCommands(list []config.Command) ([]useraction.Action, error) {
	specs := make([]useraction.Spec, len(list))
	for i, c := range list {
		specs[i] = useraction.Spec{Name: c.Name, Key: c.Key, URL: c.URL, Run: c.Run, Write: c.Write, Confirm: c.Confirm}
	}
	return useraction.Build(specs)
}
