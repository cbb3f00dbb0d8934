package local

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/opencx-tools/cxi/api/filekind"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/settings"
	"github.com/opencx-tools/cxi/ui/render"
)

// storeLong is the help of `cxi store` above its flags.
const storeLong = `cxi store says where this organization's local store is (one file per base
URL and API key), its size and what it holds. cxi store clear empties it and
removes damaged copies moved aside; it asks first on a terminal, and needs
--yes otherwise.`

// NewStoreCommand is `cxi store`.
func NewStoreCommand(env command.Env) *cobra.Command {
	var f settings.Flags
	var yes bool
	cmd := &cobra.Command{
		Use:       "store [clear [--yes]]",
		Short:     "Where the local store is and what it holds / empty it",
		Long:      storeLong,
		Args:      cobra.ArbitraryArgs, // read by storeCmd, in cxi's words
		ValidArgs: []string{"clear\tempty the store"},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) > 1 || (len(args) == 1 && args[0] != "clear"):
				return command.Usagef("unexpected argument %q", args[len(args)-1])
			}
			return command.Exit(storeCmd(args, yes, f, env))
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "clear without asking (needed when stdin is not a terminal)")
	f.AddShared(cmd.Flags())
	return cmd
}

// storeCmd shows the store, or clears it when rest is "clear".
func storeCmd(rest []string, yes bool, f settings.Flags, env command.Env) int {
	s, err := settings.Resolve(f, env)
	if err != nil {
		return command.Fail(env, err, "")
	}
	o, err := open(s, env) // with the store off too: it shows, and clears, what is there
	defer o.close()
	if err != nil {
		return command.Fail(env, err, "")
	}
	switch {
	case len(rest) == 0:
		err = show(env, o)
	default:
		err = clear(env, o, yes)
	}
	if err != nil {
		return command.Fail(env, err, "")
	}
	return command.ExitOK
}

// show prints where the store is and what it holds.
func show(env command.Env, o *opened) error {
	out := env.Stdout
	path := o.path
	if o.settings.Store.Off {
		fmt.Fprintf(out, "The local store is off (%s): cxi keeps nothing on disk.\n", render.Line(o.settings.Store.OffBy))
	}
	if o.st == nil {
		if what := notAStore(path); what != "" {
			fmt.Fprintf(out, "No local store for this organization: %s\n", what)
			return otherFiles(out, o, path)
		}
		fmt.Fprintf(out, "No local store for this organization. Its file would be %s\n", path)
		if !o.settings.Store.Off {
			fmt.Fprintln(out, "(made the first time cxi runs with the store on).")
		}
		return otherFiles(out, o, path)
	}
	st, err := o.st.Stats(context.Background())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Local store: %s\n", st.Path)
	fmt.Fprintf(out, "Size:        %s\n", humanize.Bytes(uint64(st.Size)))
	fmt.Fprintf(out, "Holds:       %s\n", holds(st))
	fmt.Fprintf(out, "Keeps:       sessions nothing happened to for %s are removed at start (store_keep)\n",
		render.Duration(o.settings.Store.Keep))
	fmt.Fprintln(out)
	fmt.Fprintln(out, "On disk: customer names, emails and phone numbers, handoff summaries and the")
	fmt.Fprintln(out, "transcripts you opened, with your review marks and notes, for this organization")
	fmt.Fprintln(out, "(this base URL and API key) only.")
	if o.settings.Store.Off {
		fmt.Fprintln(out, "While the store is off cxi adds nothing to it; cxi store clear empties it.")
	} else {
		fmt.Fprintln(out, `cxi store clear empties it; store = "off" in config.toml or --no-store keeps nothing.`)
	}
	return otherFiles(out, o, path)
}

// holds lists what a store holds: "300 sessions, 2 you looked at, …".
func holds(st store.Stats) string {
	return fmt.Sprintf("%s, %d you looked at, %d reviewed, %s, %s",
		count(st.Sessions, "session"), st.Seen, st.Reviewed, count(st.Notes, "note"), count(st.Transcripts, "transcript"))
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return humanize.Comma(int64(n)) + " " + word + "s"
}

// otherFiles mentions the damaged copies moved aside from this store,
// which hold the same kind of data, and the other stores in the folder.
func otherFiles(out io.Writer, o *opened, path string) error {
	damaged, err := damagedCopies(path)
	if err != nil {
		return err
	}
	if len(damaged) > 0 {
		var size int64
		for _, d := range damaged {
			if info, err := os.Stat(d); err == nil {
				size += info.Size()
			}
		}
		fmt.Fprintf(out, "Damaged copies moved aside: %d (%s); cxi store clear removes them too.\n", len(damaged), humanize.Bytes(uint64(size)))
	}
	stores, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*.sqlite"))
	if err != nil {
		return err
	}
	if n := len(slices.DeleteFunc(stores, func(p string) bool { return p == path })); n > 0 {
		fmt.Fprintf(out, "Other stores in %s: %d (other organizations, base URLs or the demo).\n", filepath.Dir(path), n)
	}
	return nil
}

// damagedCopies are the files Open moved aside from path, with their logs.
func damagedCopies(path string) ([]string, error) {
	return filepath.Glob(path + ".corrupt-*")
}

// clear empties the store after asking (or --yes), and removes its
// damaged copies.
func clear(env command.Env, o *opened, yes bool) error {
	path := o.path
	damaged, err := damagedCopies(path)
	if err != nil {
		return err
	}
	if what := notAStore(path); o.st == nil && what != "" {
		fmt.Fprintf(env.Stdout, "Nothing cleared: %s\n", what)
		return nil
	}
	if o.st == nil && len(damaged) == 0 {
		fmt.Fprintf(env.Stdout, "Nothing to clear: no local store for this organization (%s).\n", path)
		return nil
	}
	st, err := o.st.Stats(context.Background())
	if err != nil {
		return err
	}
	what := holds(st)
	if o.st == nil {
		what = fmt.Sprintf("%d damaged copies", len(damaged))
	}
	if !yes {
		if !env.StdinTTY {
			return command.Usagef("store clear: stdin is not a terminal, so nothing was asked; pass --yes to empty %s", path)
		}
		fmt.Fprintf(env.Stderr, "Empty the local store %s (%s)? [y/N] ", path, what)
		answer, _ := bufio.NewReader(env.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			return fmt.Errorf("nothing cleared")
		}
	}
	if err := o.st.Clear(context.Background()); err != nil {
		return err
	}
	for _, d := range damaged {
		if err := os.Remove(d); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "Emptied %s (it held %s).\n", path, what)
	if len(damaged) > 0 {
		fmt.Fprintf(env.Stdout, "Removed %d damaged copies moved aside.\n", len(damaged))
	}
	return nil
}

// notAStore says what is at the store's path when it is something cxi
// refuses to open there (a symlink, a FIFO, a folder): it is the user's,
// cxi neither follows nor removes it, and keeps nothing until it goes.
// "" when there is nothing, or a regular file.
func notAStore(path string) string {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("%s is %s, which cxi neither follows nor removes; it keeps nothing on disk for this organization until that is moved away.", path, filekind.Of(fi.Mode()))
}
