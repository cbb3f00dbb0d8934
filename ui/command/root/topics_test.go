package root

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// topic is what `cxi help name` prints.
func topic(t *testing.T, name string) string {
	t.Helper()
	out, errOut, code, _ := run(t, nil, false, "help", name)
	if code != command.ExitOK || errOut != "" {
		t.Fatalf("cxi help %s: exit %d, stderr %q", name, code, errOut)
	}
	return out
}

// defaults are keys.Default()'s bindings, found by reflection here rather
// than through config.Bindings, which the topic uses.
func defaults() []key.Binding {
	v := reflect.ValueOf(keys.Default())
	var out []key.Binding
	for i := range v.NumField() {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	return out
}

// configName is k as [keys] spells it.
func configName(k string) string {
	switch k {
	case " ":
		return "space"
	case "ctrl+@": // ctrl+space, as bubbletea v1 names the NUL terminals send for it
		return "ctrl+space"
	}
	return k
}

// TestKeysTopicListsEveryDefaultBinding: each binding of keys.Default() has
// its line, with its action name, every key it answers to, and its help.
func TestKeysTopicListsEveryDefaultBinding(t *testing.T) {
	text := topic(t, "keys")
	bindings, actions := defaults(), config.Actions()
	if len(bindings) != len(actions) {
		t.Fatalf("%d bindings, %d actions", len(bindings), len(actions))
	}
	for i, b := range bindings {
		names := make([]string, len(b.Keys()))
		for j, k := range b.Keys() {
			names[j] = configName(k)
		}
		found := false
		for _, line := range strings.Split(text, "\n") {
			f := strings.Fields(line)
			if len(f) > 1 && f[0] == actions[i] {
				found = strings.Join(f[1:1+len(names)], " ") == strings.Join(names, " ") && strings.HasSuffix(line, " "+b.Help().Desc)
				break
			}
		}
		if !found {
			t.Errorf("cxi help keys lacks %s = %q (%s):\n%s", actions[i], names, b.Help().Desc, text)
		}
	}
	// What the README once said wrongly: space selects, it does not page;
	// and where keys act, as the views take them.
	for _, want := range []string{
		"page_down         pgdown f   everywhere ",
		"select            space      queue ",
		"half_page_up      u ctrl+u   detail, transcript ",
		"next              n J ]      detail, transcript ",
		"redact            X          everywhere ", // in the queue, the one session selected or under the cursor
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
}

// TestConfigTopicIsTheExampleWithTheRealKeys: the topic is the example the
// tests load, its list of actions giving each action's default keys as
// keys.Default() has them, and it loads and applies as a config file.
func TestConfigTopicIsTheExampleWithTheRealKeys(t *testing.T) {
	text := topic(t, "config")
	body, ok := strings.CutPrefix(strings.TrimRight(text, "\n"), "The config file\n\n")
	if !ok {
		t.Fatalf("no title:\n%s", text)
	}
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := config.Load(path)
	if err != nil {
		t.Fatalf("the topic does not load as a config file: %v", err)
	}
	km := keys.Default()
	if err := file.ApplyKeys(&km); err != nil {
		t.Fatalf("the topic's [keys] do not apply: %v", err)
	}
	for i, b := range defaults() {
		quoted := make([]string, len(b.Keys()))
		for j, k := range b.Keys() {
			quoted[j] = fmt.Sprintf("%q", configName(k))
		}
		want := fmt.Sprintf("#   %-16s = [%s]", config.Actions()[i], strings.Join(quoted, ", "))
		if !strings.Contains(body, want+"\n") && !strings.Contains(body, want+" ") {
			t.Errorf("the topic lacks %q", want)
		}
	}
	// Everything else is the example's, word for word.
	lines, example := strings.Split(body, "\n"), strings.Split(strings.TrimSuffix(config.Example, "\n"), "\n")
	if len(lines) != len(example) {
		t.Fatalf("%d lines, the example %d", len(lines), len(example))
	}
	for i := range lines {
		if lines[i] != example[i] && !actionLine.MatchString(example[i]) {
			t.Errorf("line %d: %q, the example's %q", i+1, lines[i], example[i])
		}
	}
}

func TestExitCodesTopic(t *testing.T) {
	text := topic(t, "exit-codes")
	codes := command.ExitCodes()
	for i, e := range codes {
		if e.Code != i {
			t.Errorf("code %d listed as %d: the list must go 0, 1, 2, …", i, e.Code)
		}
		if !strings.Contains(strings.Join(strings.Fields(text), " "), fmt.Sprintf("%d %s", e.Code, strings.Join(strings.Fields(e.Meaning), " "))) {
			t.Errorf("the topic lacks code %d", e.Code)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if len([]rune(line)) > 80 {
			t.Errorf("a line wider than 80 columns: %q", line)
		}
	}
	if last := codes[len(codes)-1].Code; last != command.ExitRefused {
		t.Errorf("the list ends at %d, the highest code is %d", last, command.ExitRefused)
	}
}

func TestProseTopics(t *testing.T) {
	for name, wants := range map[string][]string{
		"copy":  {"OSC 52", "set -g set-clipboard on", "--osc52 tmux", "cxi doctor"},
		"store": {"what cxi keeps on disk", "CXI_STATE_DIR", "store_keep", "--no-store", "Usage:\n  cxi store [clear [--yes]]"},
	} {
		text := topic(t, name)
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("cxi help %s lacks %q", name, want)
			}
		}
	}
}
