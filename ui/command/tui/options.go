package tui

import (
	"io"
	"slices"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/cli/browser"

	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
	"github.com/opencx-tools/cxi/api/store"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	copier "github.com/opencx-tools/cxi/ui/clipboard"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/command/runtimemem"
	"github.com/opencx-tools/cxi/ui/common"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/notify"
)

// Options makes the client, starting the demo server for --demo (the func
// returned stops it), and fills the UI's options with it, keys and cfg,
// the store opened and read: Prepare, waited for. The profiles the TUI
// switches to later are stopped by it too.
func Options(cfg Config, keys keys.Map, env command.Env) (ui.Options, func(), error) {
	p, stop, err := Prepare(cfg, keys, env)
	if err != nil {
		return p.opts, stop, err
	}
	return p.options(), stop, nil
}

// Prepare is Options with the store still opening: the options of
// everything else are made, and the store is opened and read in a
// goroutine, so that Run starts the program (whose first frame waits for
// the renderer's first tick anyway) while it is. The func returned waits
// for the store, then closes it, the client and the profiles the TUI
// switched to.
func Prepare(cfg Config, keys keys.Map, env command.Env) (Prepared, func(), error) {
	later := &stopper{}
	p, stop, err := prepare(cfg, keys, env, cfg, later)
	return p, func() { stop(); later.stop() }, err
}

// Prepared is the TUI ready to Run: its options, less what the store
// gives, and the store opening.
type Prepared struct {
	opts  ui.Options // without the store's part: the program's settings (mouse) and the keys while it opens
	store *opening
}

// options is the root model's options, complete once the store has given
// its part.
func (p Prepared) options() ui.Options { return p.store.wait().into(p.opts) }

// options is Options of cfg, one profile of the run that start began,
// whose switches to another profile are stopped by later.
func options(cfg Config, keys keys.Map, env command.Env, start Config, later *stopper) (ui.Options, func(), error) {
	p, stop, err := prepare(cfg, keys, env, start, later)
	if err != nil {
		return p.opts, stop, err
	}
	return p.options(), stop, nil
}

// prepare is Prepare of cfg, one profile of the run that start began.
func prepare(cfg Config, keys keys.Map, env command.Env, start Config, later *stopper) (Prepared, func(), error) {
	opts := ui.Options{Keys: keys, Query: cfg.Query, AutoRefresh: cfg.Refresh, Attention: cfg.NeedsAttention,
		SessionURL: cfg.SessionURL, Filters: cfg.Filters}
	// Over SSH a browser would open on the remote machine, if at all:
	// the UI copies the link instead.
	ssh := copier.OverSSH(env.Getenv)
	if !ssh {
		browser.Stdout, browser.Stderr = io.Discard, io.Discard // the TUI owns the terminal
		opts.OpenURL = browser.OpenURL
	}
	views := cfg.File.ViewsOrDefault()
	opts.Views, opts.Mouse = viewTabs(views), cfg.File.Mouse
	if opts.Filters == (filter.Filters{}) && !opts.Attention {
		// Nothing asked for at start ([queue], a flag): the first view,
		// unless one shows everything.
		if !slices.ContainsFunc(views, func(v config.View) bool { return v.Filters == (filter.Filters{}) && !v.Attention }) {
			opts.Filters, opts.Attention = views[0].Filters, views[0].Attention
		}
	}
	client, stop, err := cfg.Client(cfg.key)
	if err != nil {
		return Prepared{opts: opts}, stop, err
	}
	if opts.Commands, err = userCommands(cfg.File.Commands); err != nil {
		return Prepared{opts: opts}, stop, err
	}
	if opts.WatchRules, err = watch.Pick(watch.Available(cfg.File.LintThresholds(), env.Now), cfg.File.Watch.Rules); err != nil {
		return Prepared{opts: opts}, stop, err
	}
	// The store once nothing can fail (a run that fails keeps no store),
	// in a goroutine: the rest of the options, then the program's start
	// (Run), go on while it opens and the queue's first screen is read
	// from it. After that the views read and write it in their commands.
	st := openStore(func() (*store.Store, []string) { return cfg.OpenStore(cfg.key, env) }, !cfg.Store.Off, opts.Filters, env.Now(), screenRows(env))
	closeClient := stop
	stop = func() { st.close(); closeClient() }
	opts.TranscriptAtLatest = cfg.File.TranscriptAtLatest
	opts.Lint = cfg.File.LintThresholds()
	opts.Acting = common.WriteSettings{Helpdesk: cfg.File.Actions.Helpdesk, Summary: cfg.File.Actions.Summary}
	if cfg.ReadOnly {
		opts.Acting.ReadOnly = cfg.ReadOnlyBy
	}
	opts.Preview = cfg.File.Preview
	opts.PulseLine = !cfg.File.HidePulse
	if path := cfg.ConfigPath; path != "" { // made, private, on the first toggle when there is none
		opts.Acting.Save = func(h, s bool) error { return config.SaveActions(path, config.StatusOptions{Helpdesk: h, Summary: s}) }
		opts.SavePreview = func(on bool) error { return config.SavePreview(path, on) }
		opts.SaveView = func(name string, v filter.View, replace string) error {
			return config.SaveView(path, views, config.ViewOf(name, v), replace)
		}
	}
	opts.Label, opts.Acting.Org, opts.Profiles = profiles(start, keys, env, cfg.Profile, later)
	if cfg.Demo {
		opts.Label = "demo"
		for _, d := range demo.Sessions() {
			opts.Suggestions = append(opts.Suggestions, common.Suggestion{ID: d.ID, Title: d.Title})
		}
	}
	opts.Client = client
	opts.Theme = styles.New(themedRenderer(cfg.Theme))
	opts.Copier = copier.Copier{Mode: cfg.OSC52, Native: clipboard.WriteAll, SSH: ssh}
	if env.Getenv("TMUX") != "" {
		// Asked at each copy, as cxi doctor asks it: with "external" or
		// "off" no OSC 52 sequence reaches a clipboard, and a copy must
		// say so until the user fixes it.
		opts.Copier.Tmux = copier.TmuxSetClipboard
	}
	// OSC 52 goes to stderr: the renderer owns stdout, and stderr is the
	// same terminal unless redirected, in which case no sequence is sent.
	if env.StderrTTY {
		opts.Copier.Terminal = env.Stderr
	}
	// The nudge goes the same way as OSC 52, for the same reasons.
	opts.Notifier = notify.Notifier{Mode: cfg.File.Watch.Notify, InTmux: env.Getenv("TMUX") != "", OverTmux: cfg.File.Watch.OverTmux}
	if env.StderrTTY {
		opts.Notifier.Terminal = env.Stderr
	}
	return Prepared{opts: opts, store: st}, stop, nil
}

// Run runs the TUI on env's terminal until the user quits. The program
// starts at once; its model is the root model once the store has given
// the first screen (starting).
func Run(p Prepared, env command.Env) error {
	defer runtimemem.Tune(env.Getenv)() // the queue may hold 100,000 sessions: see gcPercent
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout)}
	if p.opts.Mouse {
		// Cell motion, not all motion: clicks and the wheel, without a
		// message for every move of the pointer.
		popts = append(popts, tea.WithMouseCellMotion())
	}
	prog := tea.NewProgram(newStarting(p), popts...)
	_, err := prog.Run()
	return err
}

// themedRenderer is the terminal's renderer, with the background the
// config names when it is not left to detection. It is lipgloss's default,
// which views that build styles of their own also use.
func themedRenderer(theme string) *lipgloss.Renderer {
	r := lipgloss.DefaultRenderer()
	switch theme {
	case "dark":
		r.SetHasDarkBackground(true)
	case "light":
		r.SetHasDarkBackground(false)
	}
	return r
}

// viewTabs are the config's views as the tabs take them.
func viewTabs(views []config.View) []ui.SavedView {
	out := make([]ui.SavedView, len(views))
	for i, v := range views {
		out[i] = ui.SavedView{Name: v.Name, Key: config.ViewBinding(v), Saved: v.View}
	}
	return out
}
