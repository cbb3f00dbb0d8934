package root

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/lint"
	"github.com/opencx-tools/cxi/api/watch"
	"github.com/opencx-tools/cxi/ui/cmdline"
	"github.com/opencx-tools/cxi/ui/command"
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
	"github.com/opencx-tools/cxi/ui/queue"
	"github.com/opencx-tools/cxi/ui/useraction/expand"
)

// TestEveryTopicIsListedAndPrints: cxi help lists each topic with its
// line, and cxi help TOPIC prints it, with every {key:ACTION} filled in.
func TestEveryTopicIsListedAndPrints(t *testing.T) {
	list, _, _, _ := run(t, nil, true, "help")
	_, listed, ok := strings.Cut(list, "Additional help topics:\n")
	if !ok {
		t.Fatalf("cxi help lists no topics:\n%s", list)
	}
	for _, c := range topics() {
		if !regexp.MustCompile(`(?m)^  cxi ` + regexp.QuoteMeta(c.Name()) + ` +` + regexp.QuoteMeta(c.Short) + `$`).MatchString(listed) {
			t.Errorf("cxi help does not list %s (%q):\n%s", c.Name(), c.Short, listed)
		}
		text := topic(t, c.Name())
		if len(strings.Split(strings.TrimSpace(text), "\n")) < 5 {
			t.Errorf("cxi help %s prints next to nothing:\n%s", c.Name(), text)
		}
		if ref := keyRef.FindString(text); ref != "" {
			t.Errorf("cxi help %s names %s, which is no action (actions: %s)", c.Name(), ref, strings.Join(config.Actions(), ", "))
		}
	}
}

// TestProseFitsEightyColumns: the topics written as prose, and the tables
// generated for a terminal (the exit codes), fit 80 columns. The keys' and
// the config file's tables are wider, as their help texts are.
func TestProseFitsEightyColumns(t *testing.T) {
	for _, name := range []string{"copy", "exit-codes", "views", "why", "contract", "performance"} {
		for i, line := range strings.Split(topic(t, name), "\n") {
			if n := len([]rune(line)); n > 80 {
				t.Errorf("cxi help %s line %d is %d columns: %q", name, i+1, n, line)
			}
		}
	}
}

// TestTopicsNameOnlyTopicsThatExist: a "cxi help X" in any topic, or in
// cxi's own help, names a topic or a command.
func TestTopicsNameOnlyTopicsThatExist(t *testing.T) {
	ref := regexp.MustCompile(`cxi help ([a-z][a-z-]*)`)
	root := New(command.Env{Version: "test"}, nil)
	texts := map[string]string{"cxi": root.Long}
	for _, c := range topics() {
		texts[c.Name()] = c.Long
	}
	for name, text := range texts {
		for _, m := range ref.FindAllStringSubmatch(text, -1) {
			if c, _, err := root.Find([]string{m[1]}); err != nil || c.Name() != m[1] {
				t.Errorf("cxi help %s sends readers to %q, which is no topic or command", name, m[0])
			}
		}
	}
}

// TestTopicsShowTheirExamples: each example of Examples is in its topic,
// as printed, and loads as a config file whose keys apply to the defaults.
func TestTopicsShowTheirExamples(t *testing.T) {
	if len(Examples()) == 0 {
		t.Fatal("no examples")
	}
	for _, e := range Examples() {
		if !strings.Contains(topic(t, e.Topic), indent(e.TOML)) {
			t.Errorf("cxi help %s does not show its example:\n%s", e.Topic, e.TOML)
		}
		path := filepath.Join(t.TempDir(), "config.toml")
		if err := os.WriteFile(path, []byte(e.TOML), 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := config.Load(path)
		if err != nil {
			t.Errorf("the example of cxi help %s does not load: %v", e.Topic, err)
			continue
		}
		km := keys.Default()
		if err := file.ApplyKeys(&km); err != nil {
			t.Errorf("the example of cxi help %s does not apply: %v", e.Topic, err)
		}
	}
}

// TestViewsTopicNamesEveryCommandAndPlaceholder holds cxi help views to
// the command line's commands and the placeholders a [[commands]]
// template takes: one added to the code and not to the topic fails here.
func TestViewsTopicNamesEveryCommandAndPlaceholder(t *testing.T) {
	text := topic(t, "views")
	for _, name := range cmdline.Names() {
		if !regexp.MustCompile(`(?m)^  :` + name + `\b`).MatchString(text) {
			t.Errorf("cxi help views lacks the command line's :%s", name)
		}
	}
	for _, f := range append(slices.Clone(expand.Fields), "custom_data.KEY") {
		if !strings.Contains(text, "{"+f+"}") {
			t.Errorf("cxi help views lacks the placeholder {%s}", f)
		}
	}
}

// TestWhyTopicNamesEveryRuleAndReason holds cxi help why to the integrity
// rules, the watch rules and the queue's handoff reason codes.
func TestWhyTopicNamesEveryRuleAndReason(t *testing.T) {
	text := topic(t, "why")
	rule := func(name string) *regexp.Regexp { return regexp.MustCompile(`(?m)^  ` + name + ` {2,}\S`) }
	for _, r := range lint.Rules() {
		if !rule(string(r)).MatchString(text) {
			t.Errorf("cxi help why does not explain the integrity rule %s", r)
		}
	}
	for _, name := range watch.Names(watch.Available(lint.Defaults(), time.Now)) {
		if !rule(name).MatchString(text) {
			t.Errorf("cxi help why does not explain the watch rule %s", name)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, r := range append(api.HandoffReasons(), "a_reason_from_the_future") {
		if code := queue.ReasonCode(r); !strings.Contains(flat, " "+code+" ") {
			t.Errorf("cxi help why lacks the code %s (%s)", code, r)
		}
	}
}

// TestContractTopicIsWhatTheClientCalls: each endpoint cxi help contract
// lists is a path of the contract, and each path the client (package api)
// writes is among them: the README once said "and nothing else" of a list
// that lacked eight of them.
func TestContractTopicIsWhatTheClientCalls(t *testing.T) {
	text := topic(t, "contract")
	spec, err := os.ReadFile(filepath.Join("..", "..", "..", "api", "testdata", "opencx.openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	listed := regexp.MustCompile(`(?m)^  (GET|PATCH|POST) +(/\S+)`).FindAllStringSubmatch(text, -1)
	if len(listed) < 7 {
		t.Fatalf("cxi help contract lists %d endpoints:\n%s", len(listed), text)
	}
	var paths []string
	for _, m := range listed {
		paths = append(paths, m[2])
		if !strings.Contains(string(spec), "\n  "+m[2]+":\n") {
			t.Errorf("cxi help contract lists %s %s, which the contract does not have", m[1], m[2])
		}
	}
	sources, err := filepath.Glob(filepath.Join("..", "..", "..", "api", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`"(/[a-z][a-z/-]*)`)
	found := 0
	for _, src := range sources {
		if strings.HasSuffix(src, "_test.go") || filepath.Base(src) == "doc.go" {
			continue
		}
		body, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(body), -1) {
			found++
			if !slices.ContainsFunc(paths, func(p string) bool { return strings.Contains(p, m[1]) }) {
				t.Errorf("%s calls %s, which cxi help contract does not list", filepath.Base(src), m[1])
			}
		}
	}
	if found < 10 {
		t.Errorf("found %d paths in package api; the search is broken", found)
	}
}
