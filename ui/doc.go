// Package ui is cxi's root bubbletea model. It routes: window size to every
// view, keys to the overlay on top or the view in focus, each message to the
// package whose command produced it. It owns what no view can: which view
// is shown, where the focus is, the overlay stack, stepping from one
// session of the queue to the next, and the preview beside the queue (the
// queue's row under the cursor drawn by detail.Preview: two views composed).
// With several organizations ([profiles.NAME]) it also owns the switch
// between them (SwitchProfileMsg, what :profile NAME sends): every view
// rebuilt on the other profile's client and store, the old one's answers
// dropped (ui/epoch).
//
// # How the program starts
//
// main.go is wiring only: it builds a command.Env (stdio, "is a terminal",
// getenv, the config folder, the clock, the version) from os.* once and
// hands it to the cobra command tree (ui/command/root), which runs a
// command or the TUI with it and maps errors to exit codes. Nothing below
// main reads os.Getenv or writes os.Stdout.
//
//	main.go ──os.* once──▶ command.Env ──▶ ui/command/root (cobra: help, version, completion)
//	   │                      └──▶ ui/command/settings: flag > environment > config file > default,
//	   │                           the API key, api.Client (the base URL, or api/fake serving
//	   │                           api/fake/demo on loopback for --demo)
//	   ├──▶ cxi get, list ──────────▶ ui/command/read ──▶ api/resolve, ui/summary ──▶ stdout, exit code
//	   ├──▶ cxi close, reopen, redact, log ──▶ ui/command/write ──▶ api/change, api/store (audit log)
//	   ├──▶ cxi store, handover ────▶ ui/command/local ──▶ api/store
//	   ├──▶ cxi pulse ──────────────▶ ui/command/pulse ──▶ api/pulse
//	   ├──▶ cxi watch ──────────────▶ ui/command/watch ──▶ api/watch ──▶ stdout, a line a match
//	   ├──▶ cxi lint ───────────────▶ ui/command/lint ──▶ api/lint, api/lint/kept, api/store
//	   ├──▶ cxi auth, doctor ───────▶ ui/command/auth, ui/command/doctor
//	   └──▶ cxi [SESSION] ──────────▶ ui/command/tui ──▶ ui.New(Options) ──▶ tea.Program
//
// # Inside the TUI
//
// Data flows one way, and every message goes back to the package whose
// command produced it:
//
//	key ──▶ ui.Update ──▶ the overlay on top, else the lookup bar or the view in focus
//	                         │
//	                         └──▶ owner's Update ──▶ tea.Cmd ──▶ api.Client ──▶ OpenCX (one shared limiter)
//	                                                                  │
//	       detail.LoadedMsg, queue.PageLoadedMsg, common.NoticeMsg, … ◀┘
//	                         │
//	ui.Update forwards each to its owner ──▶ owner's Update ──▶ an Event the root acts on
//	                         │                                  (show the pane, remember, prefetch)
//	                       View ◀── every model's state (View only renders)
//
// # The packages under ui
//
// Views are leaves: only this root package imports them (a test,
// TestViewsAreLeaves, holds it). A view learns another's news as an
// Event the root hands it (common.WriteEvent), asks for an overlay with a
// choice the root builds (overlay.FilterChoice, SessionChoice,
// CopyChoice), and says which of the program's keys act in it (its
// EnableKeys).
//
// The views, each a Model with its own keys, Update and View:
//
//   - ui/queue: the queue: pages, server-side filters, the local text
//     filter, the needs-attention order (which first reads every unresolved
//     session), auto-refresh, selection; draws only the visible rows. A
//     row keeps its cells and the session's body packed (api/packed); the
//     session is decoded when opened, previewed, acted on or matched.
//   - ui/detail: the detail pane and its session's life: the lookup or
//     search under way, cancel, the failure and its retry, freshness,
//     prefetching neighbours; the panels, laid out on data, size or clock
//     change; and what it asks of each session opened, once, in the
//     background: the customer's rating (the store's, else CSAT when the
//     budget allows) and their other sessions (O lists them in the picker).
//   - ui/transcript: the history, rendered once per width, paged as the
//     reader scrolls (or read to its end at once: open_at = "latest"),
//     searched within (/, n/p between matches).
//   - ui/lookupbar: the input: filters the queue as the user types,
//     classifies its text, the hint line, recent sessions.
//   - ui/nudge: the watch rules at each refresh of the queue: a session
//     that newly matches (api/watch) rings the terminal (ui/notify) once and
//     shows in the header ("⚑ 2 new: …") until opened; the first load
//     rings nothing.
//   - ui/statusline: what is under way, notices that fade, the request
//     budget.
//   - ui/tabs: the saved views above the queue, as tabs: which one is in
//     force, what each remembers of the one queue (its filters, cursor
//     and selection) while another has it, and each one's count.
//   - ui/pulseline: the header's one-line pulse: open handoffs, the
//     oldest, the angry share of today, today's handoff rate against 7
//     days' (one background request per queue refresh, at most a minute).
//
// What the views are told, kept or worked out by the root and handed to
// them:
//
//   - ui/reasons: why the AI handed off each session of the queue's time
//     window: the handoff events walked in the background at start and on
//     each refresh of the queue's first page (from where the last walk
//     ended), kept in the store and read back from it at start; the root
//     hands them to the queue (the ⇄ column's code, the "handed off
//     because" filter), the detail pane's Handoff panel and the preview.
//   - ui/integrity: the integrity flags (api/lint) of the loaded sessions,
//     worked out in a command from the store's kept data (api/lint/kept)
//     after each page, and the office hours asked once in the background;
//     the queue shows a marker and filters by them (L, :filter flag=…),
//     the detail pane lists each rule with what it saw.
//
// What acts on sessions from the keyboard:
//
//   - ui/actions: the status menu, its confirmation and the batch that sends it;
//     the redaction.
//   - ui/review: review marks, and what the note editor saves with.
//   - ui/share: how a session leaves cxi: y, Y, the copy menu, o.
//   - ui/useraction: the user's own commands ([[commands]]): which one a key
//     or a name means, what it is run on, each run (a program without a
//     shell, or a URL in the browser) as a command; RunMsg{Name} asks the
//     root to run one, from the menu or the command line.
//   - ui/useraction/expand: a command's template made into a URL or an
//     argument list for one session, the values as the API sent them and
//     hostile by assumption (one argument each, percent-encoded, refused
//     with control characters).
//   - ui/cmdline: the `:` command line (k9s's): every action above as a
//     word (:open, :close, :filter channel=email, :copy, :view, :q), with
//     completion, a hint of the matches, history; the root runs each
//     command with the routine its key runs. Drawn docked over the bottom
//     of the view (overlay.Docked).
//
// The overlays, drawn over the view in focus, one stack of them:
//
//   - ui/overlay: the stack; the top one gets the keys; the choices a view
//     asks for an overlay with. The overlays live beneath it:
//   - ui/overlay/copymenu: the copy menu.
//   - ui/overlay/picker: the sessions a search found.
//   - ui/overlay/filterpicker: a queue filter's values with their counts.
//   - ui/overlay/fullhelp: the full help: the view's own keys first; it
//     scrolls.
//   - ui/overlay/rawview: the session as the API sent it.
//   - ui/overlay/noteedit: the note editor.
//   - ui/overlay/cmdmenu: the menu of the user's commands.
//   - ui/overlay/runpane: a user command's runs: progress, output, exit
//     code and argv; esc stops, y copies.
//   - ui/overlay/viewsave: saving the queue's filters to a view in
//     config.toml, back to the view in force or as a new one.
//   - ui/overlay/pulseview: the pulse of the shift (api/pulse): the
//     period's handoffs by reason, sentiment and day, the SLA's compliance,
//     breakdown and trend, as bar charts and sparklines (ntcharts) with
//     the numbers beside them; a period picker; a missing scope named.
//
// What every component is built with:
//
//   - ui/common: the theme, the key map, the clock and the timer; the
//     messages and types any component may produce or take: a notice for
//     the status line (Say), a write's news (WriteEvent) and its settings,
//     and what an action acts on (Targets: IDs and statuses at no cost,
//     each session decoded only in the command that acts on it).
//   - ui/keys: the one home of key bindings: the defaults, each view's and
//     overlay's key set; which keys act where is each view's to say.
//   - ui/render: the sanitizer (the only way API text reaches the screen),
//     the shared words, widths by grapheme cluster, Markdown escaping.
//   - ui/scroll: the scrolling keys every viewport shares.
//   - ui/clipboard: OSC 52 and the native clipboard, and the report of what
//     happened.
//   - ui/notify: the terminal's bell or a desktop notification by its own
//     escape sequence (OSC 9, OSC 777), the text made safe, off inside tmux
//     unless wrapped for its passthrough ([watch] over_tmux).
//   - ui/epoch: after :profile switched organization, the answers of the
//     old one's commands told from the new one's, and dropped.
//   - ui/explain: errors turned into the sentence the user reads.
//   - ui/summary: a session as plain text and as Markdown, for cxi get, the
//     copy menu and the handover.
//   - styles (beside ui): the theme: adaptive colours, badges, panels.
//
// The commands, and what only they read (main and the tests aside,
// nothing outside ui/command imports them):
//
//   - ui/command: what every command shares: Env, exit codes, one way to
//     print an error.
//   - ui/command/root: the cobra tree: every command, cxi help and its
//     topics (keys, config, copy, store, exit-codes) generated from the
//     code, cxi version, shell completion, "did you mean" for a typo.
//   - ui/command/settings: the one settings resolver, the shared flags, and
//     Deps, the one set of things a command reaches the world with.
//   - ui/command/tui: the TUI's command line and its Options.
//   - ui/command/runtimemem: the collector's policy while the TUI runs
//     (a lower GOGC, so resident memory follows the loaded queue), unless
//     the user set GOGC or GOMEMLIMIT.
//   - ui/command/read: cxi get and cxi list.
//   - ui/command/write: cxi close, reopen, redact and log.
//   - ui/command/local: cxi store and cxi handover.
//   - ui/command/pulse: cxi pulse: the shift's pulse (api/pulse) as text
//     or JSON, exiting with the first failed part's code (a missing scope
//     named).
//   - ui/command/watch: cxi watch: the list read every --every, each
//     session that newly matches a watch rule printed (api/watch, as the
//     TUI's nudge decides it), until interrupted.
//   - ui/command/lint: cxi lint, the sessions of a window that trip an
//     integrity rule (api/lint), as lines or JSON; exit 1 when some do.
//   - ui/command/auth, ui/command/doctor: cxi auth and cxi doctor.
//   - ui/command/config: the config file: strict TOML, errors naming the
//     line, key remaps; ui/command/config/privatefile opens it and the key
//     file, refusing a directory, FIFO or device at once (typed errors:
//     ui/command gives them their exit code), and
//     ui/command/config/privatefile/fifotest helps tests show that.
//
// Test support, linked into no program: ui/internal/keytest (keys pressed,
// commands run to their messages) and ui/internal/screentest (a screen
// checked as a terminal would suffer it).
//
// The data side (the client, the store, the fake server) is under api; see
// its package comment.
package ui
