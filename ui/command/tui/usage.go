package tui

// Usage is the help of cxi: the TUI's flags, and the commands beside it.
const Usage = `cxi — inspect OpenCX chat sessions in the terminal

Usage:
  cxi [flags] [SESSION]
  cxi get [--json | --field PATH | --format md] SESSION   print one session
  cxi list [--status S] [--handed-off] [--channel C] [--updated-within D] [--limit N] [--json]

Without SESSION, cxi opens on the queue of sessions. SESSION is a session ID,
or any text containing one (a dashboard URL, a log line); cxi opens straight on
it, and esc goes back to the queue.

Flags:
  --demo            run on built-in demo data (no API key, no network)
  --base-url URL    API base URL (default $OPENCX_BASE_URL, else https://api.open.cx)
  --session-url T   dashboard URL of a session, {id} replaced (or CXI_SESSION_URL);
                    used by o (open in browser) and the copy menu's link
  --refresh DUR     auto-refresh the queue every DUR (e.g. 30s; at least 10s; off by default)
  --needs-attention start the queue in needs-attention order
  --osc52 MODE      clipboard escape sequence: plain (default), tmux (DCS-wrapped,
                    needs tmux's allow-passthrough), or off
  --no-store        keep nothing on disk this run (see cxi store)
  --read-only       send no write (close, reopen, redact); also CXI_READ_ONLY=1
  --version         print the version
  --help            print this help

get and list take --demo and --base-url too, print data on stdout and errors
on stderr, and exit with 0 (ok), 1 (other), 2 (usage), 3 (key rejected),
4 (not found), 5 (rate limited), 6 (server or network), 7 (unreadable data),
8 (several sessions match: listed on stderr), 9 (get --field: no value there),
10 (close, reopen: some sessions succeeded, some did not).

  cxi auth login [--with-token]   store the API key (OS keyring, or a 0600 file)
  cxi auth status | logout        which key is used and whether it works / remove it
  cxi doctor [--demo]             check the key, the API and the copy paths
  cxi store [clear [--yes]]       where the local store is and what it holds / empty it
  cxi handover [--since 8h] [--format md|json]   sessions you reviewed or noted, for the next shift
  cxi close [--unresolved] [--helpdesk] [--summary] SESSION…   close sessions (- reads them from stdin)
  cxi reopen [--helpdesk] SESSION…                reopen sessions
  cxi redact [--message ID] [--reason TEXT] [--yes] SESSION   redact a session or one message, permanently
  cxi log [--since 24h] [--json]  the audit log: every write cxi sent, with its answer

Environment:
  OPENCX_API_KEY    your OpenCX API key (else the one stored by cxi auth login)
  OPENCX_BASE_URL   API base URL
  CXI_SESSION_URL   dashboard URL template, {id} replaced
  CXI_CONFIG        config file, which must exist (default: your config dir's
                    cxi/config.toml, which may be missing)
  CXI_READ_ONLY     1: send no write, as --read-only
  CXI_STATE_DIR     the local store's folder (default: ~/.local/state/cxi, or
                    your config dir's cxi/ on macOS and Windows)
`
