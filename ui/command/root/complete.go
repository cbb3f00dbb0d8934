package root

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// completedSessions is how many kept sessions a completion offers at
// most, newest activity first: more than a shell shows usefully.
const completedSessions = 200

// completeSessions completes SESSION with the IDs of the sessions the
// local store keeps for the organization the command line names (its
// --demo, --base-url and --no-store, as the command would take them),
// each described by its contact and status. It reads an existing store
// only: a completion never makes one, and never asks the API. max is how
// many SESSION arguments the command takes; 0 is any number.
func completeSessions(env command.Env, max int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		sessions := keptSessions(cmd.Context(), cmd.Flags(), env)
		var out []cobra.Completion
		for _, s := range sessions {
			// Only what is an ID as sent: the shell would run anything else.
			if id, err := api.ParseSessionID(s.ID); err != nil || id != s.ID || !strings.HasPrefix(s.ID, strings.ToLower(toComplete)) {
				continue
			}
			out = append(out, cobra.CompletionWithDesc(s.ID, render.Contact(s.Contact)+" · "+render.Status(s.Status)))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// keptSessions are the sessions the store of the organization fs names
// holds; none when there is no store, or it is off, or anything is
// amiss: a completion has nowhere to say why, and the command will.
func keptSessions(ctx context.Context, fs *pflag.FlagSet, env command.Env) []api.Session {
	quiet := env
	quiet.Stdout, quiet.Stderr = io.Discard, io.Discard // the shell reads stdout; notices would be taken for completions
	var f settings.Flags
	f.Demo, _ = fs.GetBool("demo")
	f.BaseURL, _ = fs.GetString("base-url")
	f.NoStore, _ = fs.GetBool("no-store")
	s, err := settings.Resolve(f, quiet)
	if err != nil || s.Store.Off {
		return nil
	}
	key, err := s.Key()
	if err != nil {
		return nil
	}
	st, _, err := s.OpenExisting(key, quiet)
	if err != nil || st == nil {
		return nil
	}
	defer st.Close()
	kept, err := st.Sessions(ctx, store.Query{Limit: completedSessions})
	if err != nil {
		return nil
	}
	return kept
}
