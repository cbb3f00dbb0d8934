package cli

import (
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
)

// connector makes the client that a command's --demo and --base-url ask
// for, once its command line has been read: settings.Connect in the
// program, a fake server's client in tests.
type connector func(settings.Flags) (*api.Client, func(), error)

// connect is settings.Connect, with a line on stderr whenever the rate
// limit holds a request back.
func connect(env command.Env) connector {
	return func(f settings.Flags) (*api.Client, func(), error) {
		return settings.Connect(f, env, settings.WaitNotice(env))
	}
}
