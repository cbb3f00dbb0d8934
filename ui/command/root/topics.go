package root

import (
	"github.com/spf13/cobra"
)

// topics are the help topics, `cxi help <topic>`: the reference a user
// looks up rather than reads through. Those the code knows (keys, config,
// exit codes) are generated from it, so that they cannot drift from it.
func topics() []*cobra.Command {
	topic := func(name, short, long string) *cobra.Command {
		return &cobra.Command{Use: name, Short: short, Long: long}
	}
	// The store's topic is the store command's help: one name, one page.
	return []*cobra.Command{
		topic("keys", "Every key of the TUI, and how to remap it", keysTopic()),
		topic("config", "The config file: every setting, with an example", configTopic()),
		topic("copy", "Copying over SSH and in tmux: what a copy does and says", copyTopic),
		topic("exit-codes", "What each exit code means", exitCodesTopic()),
		topic("views", "Saved views, the command line, your own commands, profiles", prose(viewsTopic)+indent(viewsExample)),
		topic("why", "Why sessions were handed off, ratings, integrity flags, pulse", prose(whyTopic)+indent(whyExample)),
		topic("contract", "What cxi asks of the OpenCX API, and assumes of its answers", prose(contractTopic)),
		topic("performance", "Large organizations: what 100,000 sessions cost", prose(performanceTopic)),
	}
}

// copyTopic is `cxi help copy`.
const copyTopic = `Copying over SSH and in tmux

y (and Y, and the copy menu, c) sends the value two ways at once:

  - the native clipboard (pbcopy on macOS, xclip, xsel or wl-copy on Linux).
    It works only on the machine cxi runs on: over SSH it reaches the remote
    machine's clipboard, not yours;
  - an OSC 52 escape sequence, which your terminal turns into a clipboard
    write. It travels through SSH. Most current terminals take it (iTerm2,
    kitty, WezTerm, Alacritty, Windows Terminal, …); some want it enabled in
    their settings first.

The status line says what really happened:

  Copied ZD-884213                        the native clipboard took it (on
                                          this machine, not over SSH)
  Copied ZD-884213 (through tmux, OSC 52) inside tmux with set-clipboard on
  Not copied: tmux's set-clipboard is     inside tmux with set-clipboard
  external, so OSC 52 goes nowhere; …     external or off, no native tool
  Sent ZD-884213 to the terminal (OSC     only the sequence went, and nothing
  52); if nothing was copied, run cxi     says whether the terminal takes it
  doctor.

cxi reads tmux's set-clipboard once, at start. A value with a line break or a
control character is never copied, because pasting it into a shell could run
a command; nor is one with characters the screen does not show (bidi
controls, zero-width and other format characters), because what you paste
would not be what you read. Such a value is shown, marked, and not copied.

tmux passes OSC 52 on only when allowed. Add to ~/.tmux.conf:

  set -g set-clipboard on

tmux then keeps the copied text in its paste buffer (tmux show-buffer) and
forwards it to your terminal's clipboard. With tmux's default (external),
programs inside tmux cannot set the clipboard. To send the sequence around
tmux straight to the outer terminal, run cxi --osc52 tmux with
set -g allow-passthrough on. --osc52 off sends none.

cxi doctor checks each of these paths here and names the fix.`

// storeTopic is `cxi help store`, above the help of the store command,
// whose name it shares.
const storeTopic = `The local store: what cxi keeps on disk

cxi remembers between runs in a local store, a SQLite file per organization
(per base URL and API key), so that what you looked at, marked and wrote down
is still there after lunch. Plainly, it keeps:

  - the sessions cxi fetched, as the API sent them: customer names, emails and
    phone numbers, custom data, handoff summaries, teams, ticket references;
  - the transcripts you opened;
  - what each session looked like when you last looked at it, your review
    marks and your notes, and when the queue was last read;
  - the audit log: every write cxi sent (cxi log).

Not the API key: the file is named by a salted hash of the key and one of the
base URL, so one organization's data is never shown under another's key.
Nothing in it is sent anywhere. --demo has a file of its own, demo.sqlite.

Where         $XDG_STATE_HOME/cxi/ on Linux (default ~/.local/state/cxi/); the
              config folder's cxi/ on macOS and Windows; CXI_STATE_DIR names
              another folder, which is cxi's alone.
Who reads it  you: the folder is 0700, the files 0600; a looser one is
              tightened at start, and cxi says so.
How long      sessions nothing happened to (not fetched, looked at, reviewed
              or noted) for store_keep (default 30d) are removed at start.
Turning off   store = "off" in config.toml, or --no-store for one run (the TUI
              and every command take it): nothing is written to disk. A file
              kept before stays until cxi store clear.
Disk trouble  a damaged file is moved aside (…sqlite.corrupt-<time>) with a
              line saying so, and a fresh one is used; a read-only folder or a
              full disk gives "Not remembering this run: …", and everything
              else works as without a store.
Links         cxi never follows a symlink (nor opens a FIFO) at the store's
              file: it refuses, says what is there, and remembers nothing until
              it is moved away.
Erased stays  after a redaction (X, cxi redact) the store's copy goes too, the
erased        file rewritten so that no byte of the old text stays on disk.

Two cxi processes on one store at the same time both work.

What it gives you: the queue draws at once from the store (cached 2h ago ·
refreshing) and works offline (offline — as fetched at 14:02); rows and
sessions show what changed since you last looked (•, new, ✓!); review marks
and notes; a handover for the next shift (cxi handover). On the demo,
CXI_DEMO_DAY=1 cxi --demo serves the demo a day on, and
CXI_DEMO_OFFLINE=1 cxi --demo runs it with no server at all, to see what the
store kept. At scale, see cxi help performance.

  cxi handover              what you reviewed or noted in the last 8h
  cxi log                   the audit log of the last 24h

Shell completion offers the IDs of the sessions the store keeps wherever a
command takes SESSION (cxi completion --help).

`
