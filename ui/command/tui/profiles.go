package tui

import (
	"sync"

	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/keys"
)

// profiles are what the TUI says of the profile in use, current, in the
// run start began: the header's label and the name every write's
// confirmation gives (both "" when the config names one organization), and
// the profiles :profile switches to, each opened with the settings
// start's For gives it (OPENCX_API_KEY and --base-url stay the profile's
// the run started in). What a switch opens is stopped by later.
func profiles(start Config, km keys.Map, env command.Env, current string, later *stopper) (label, org string, p ui.Profiles) {
	if start.Demo || len(start.Profiles) < 2 {
		return "", "", ui.Profiles{}
	}
	open := func(name string) (ui.Options, error) {
		s, err := start.For(name, env)
		if err != nil {
			return ui.Options{}, err
		}
		cfg := Config{Settings: s, OSC52: start.OSC52}
		if cfg.key, err = s.Key(); err != nil {
			return ui.Options{}, err
		}
		opts, stop, err := options(cfg, km, env, start, later)
		later.add(stop)
		return opts, err
	}
	return current, current, ui.Profiles{Current: current, Names: start.Profiles, Open: open}
}

// stopper stops, at the end of the run, what the profiles switched to
// opened: their stores and clients stay open until then, as the commands
// of a profile switched away from may still be using them.
type stopper struct {
	mu    sync.Mutex
	stops []func()
}

func (s *stopper) add(stop func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stops = append(s.stops, stop)
}

func (s *stopper) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, stop := range s.stops {
		stop()
	}
	s.stops = nil
}
