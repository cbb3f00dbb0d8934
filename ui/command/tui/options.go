package tui

import (
	"context"
	"io"
	"slices"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/cli/browser"

	"github.com/opencx-tools/cxi/api/fake/demo"
	"github.com/opencx-tools/cxi/api/filter"
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
// returned stops it), and fills the UI's options with it, keys and cfg.
// The profiles the TUI switches to later are stopped by it too.
func Options(cfg Config, keys keys.Map, env command.Env) (ui.Options, func(), error) {
	later := &stopper{}
	opts, stop, err := options(cfg, keys, env, cfg, later)
	return opts, func() { stop(); later.stop() }, err
}

// options is Options of cfg, one profile of the run that start began,
// whose switches to another profile are stopped by later.
func options(cfg Config, keys keys.Map, env command.Env, start Config, later *stopper) (ui.Options, func(), error) {
	opts := ui.Options{Keys: keys, Query: cfg.Query, AutoRefresh: cfg.Refresh, Attention: cfg.NeedsAttention,
		SessionURL: cfg.SessionURL, Filters: cfg.Filters}
	// Over SSH a browser would open on the remote machine, if at all:
	// the UI copies the link instead.
	ssh := copier.OverSSH(env.Getenv)
	if !ssh {
		browser.Stdout, browser.Stderr = io.Discard, io.Discard // the TUI owns the terminal
		opts.OpenURL = browser.OpenURL
	}
	client, stop, err := cfg.Client(cfg.key)
	if err != nil {
		return opts, stop, err
	}
	if opts.Commands, err = userCommands(cfg.File.Commands); err != nil {
		return opts, stop, err
	}
	if opts.WatchRules, err = watch.Pick(watch.Available(cfg.File.LintThresholds(), env.Now), cfg.File.Watch.Rules); err != nil {
		return opts, stop, err
	}
	// The store is read here, before the first frame, so that the queue
	// starts at once with what cxi held; after this the views do their
	// own reading and writing in commands.
	st, notices := cfg.OpenStore(cfg.key, env)
	closeStore := stop
	stop = func() { _ = st.Close(); closeStore() }
	opts.Notices = notices
	if st == nil && !cfg.Store.Off {
		// The notice fades; what it means lasts the whole run.
		opts.Unkept = "the store could not be opened (cxi store says why)"
	}
	opts.TranscriptAtLatest = cfg.File.TranscriptAtLatest
	opts.Lint = cfg.File.LintThresholds()
	opts.Acting = common.WriteSettings{Helpdesk: cfg.File.Actions.Helpdesk, Summary: cfg.File.Actions.Summary}
	if cfg.ReadOnly {
		opts.Acting.ReadOnly = cfg.ReadOnlyBy
	}
	opts.Preview = cfg.File.Preview
	views := cfg.File.ViewsOrDefault()
	opts.Views, opts.Mouse = viewTabs(views), cfg.File.Mouse
	if opts.Filters == (filter.Filters{}) && !opts.Attention {
		// Nothing asked for at start ([queue], a flag): the first view,
		// unless one shows everything.
		if !slices.ContainsFunc(views, func(v config.View) bool { return v.Filters == (filter.Filters{}) && !v.Attention }) {
			opts.Filters, opts.Attention = views[0].Filters, views[0].Attention
		}
	}
	opts.PulseLine = !cfg.File.HidePulse
	if path := cfg.ConfigPath; path != "" { // made, private, on the first toggle when there is none
		opts.Acting.Save = func(h, s bool) error { return config.SaveActions(path, config.StatusOptions{Helpdesk: h, Summary: s}) }
		opts.SavePreview = func(on bool) error { return config.SavePreview(path, on) }
		opts.SaveView = func(name string, v filter.View, replace string) error {
			return config.SaveView(path, views, config.ViewOf(name, v), replace)
		}
	}
	if st != nil {
		ctx := context.Background()
		opts.Memory, opts.Acting.Audit, opts.Acting.Erase = st, st, st
		opts.LastSync, _ = st.Sync(ctx, filter.SyncKey)
		opts.Cached = firstScreen(ctx, st, opts.Filters, env.Now(), screenRows(env))
		opts.History, _ = st.CommandHistory(ctx) // none to walk back through is no reason not to start
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
	return opts, stop, nil
}

// Run runs the TUI on env's terminal until the user quits.
func Run(opts ui.Options, env command.Env) error {
	defer runtimemem.Tune(env.Getenv)() // the queue may hold 100,000 sessions: see gcPercent
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithInput(env.Stdin), tea.WithOutput(env.Stdout)}
	if opts.Mouse {
		// Cell motion, not all motion: clicks and the wheel, without a
		// message for every move of the pointer.
		popts = append(popts, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(ui.New(opts), popts...)
	_, err := p.Run()
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
