package config

import (
	"slices"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/ui/keys"
)

func TestCommandsLoad(t *testing.T) {
	c, err := load(t, doc(
		`theme = "dark"`,
		``,
		`[[commands]]`,
		`name = "zendesk"`,
		`key = "Z"`,
		`url = "https://acme.zendesk.com/agent/tickets/{external_id}"`,
		``,
		`[[commands]]`,
		`name = "escalate"`,
		`key = "ctrl+e"`,
		`run = ["zendesk-cli", "escalate", "{external_id}", "--note=#{ticket_number}"]`,
		`write = true`,
		`confirm = true`,
	))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Commands) != 2 {
		t.Fatalf("commands = %+v", c.Commands)
	}
	z, e := c.Commands[0], c.Commands[1]
	if z.Name != "zendesk" || z.Key != "Z" || z.URL == "" || z.Run != nil || z.Write || z.Line != 3 {
		t.Errorf("first = %+v", z)
	}
	if e.Name != "escalate" || e.Key != "ctrl+e" || !slices.Equal(e.Run, []string{"zendesk-cli", "escalate", "{external_id}", "--note=#{ticket_number}"}) || !e.Write || !e.Confirm || e.Line != 8 {
		t.Errorf("second = %+v", e)
	}
	if err := c.CheckCommandKeys(keys.Default()); err != nil {
		t.Errorf("CheckCommandKeys: %v", err)
	}
}

func TestCommandsErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		want []string
	}{
		{"no name", doc(`[[commands]]`, `url = "https://x.example/{id}"`), []string{"config.toml:1: [[commands]] needs a name"}},
		{"both", doc(`[[commands]]`, `name = "a"`, `url = "https://x.example/{id}"`, `run = ["a"]`), []string{`config.toml:4: command "a" has both url and run`}},
		{"neither", doc(`[[commands]]`, `name = "a"`, `key = "Z"`), []string{`config.toml:1: command "a" needs a url`}},
		{"empty run", doc(`[[commands]]`, `name = "a"`, `run = []`), []string{`config.toml:3: command "a": run must name a program`}},
		{"placeholder program", doc(`[[commands]]`, `name = "a"`, `run = ["{custom_data.x}"]`), []string{`config.toml:3:`, "must name the program itself"}},
		{"unknown placeholder", doc(`[[commands]]`, `name = "a"`, `url = "https://x.example/{ticket}"`), []string{`config.toml:3:`, "unknown placeholder {ticket}"}},
		{"host placeholder", doc(`[[commands]]`, `name = "a"`, `url = "https://{team.name}.example/x"`), []string{`config.toml:3:`, "scheme and host must be the template's own"}},
		{"bad key", doc(`[[commands]]`, `name = "a"`, `key = "escape"`, `url = "https://x.example/{id}"`), []string{`config.toml:3: command "a": invalid key name "escape"`}},
		{"duplicate", doc(`[[commands]]`, `name = "a"`, `url = "https://x.example/{id}"`, `[[commands]]`, `name = "a"`, `url = "https://y.example/{id}"`),
			[]string{`config.toml:5: command name "a" is also the name of the command on line 2`}},
		{"same key", doc(`[[commands]]`, `name = "a"`, `key = "Z"`, `url = "https://x.example/{id}"`, `[[commands]]`, `name = "b"`, `key = "Z"`, `url = "https://y.example/{id}"`),
			[]string{`config.toml:7: key "Z" for command "b" is also the key of command "a" (line 3)`}},
		{"unknown key", doc(`[[commands]]`, `name = "a"`, `command = "x"`), []string{`config.toml:3: unknown key "command" in [[commands]] (known: name, key, url, run, write, confirm)`}},
		{"run a string", doc(`[[commands]]`, `name = "a"`, `run = "zendesk-cli {id}"`), []string{`config.toml:3:`, "commands.run must be a list of strings"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.doc)
			wantErr(t, err, tc.want...)
		})
	}
}

func TestCommandKeyTaken(t *testing.T) {
	c, err := load(t, doc(`[keys]`, `refresh = ["f5"]`, ``, `[[commands]]`, `name = "zendesk"`, `key = "y"`, `url = "https://x.example/{id}"`,
		`[[commands]]`, `name = "free-r"`, `key = "r"`, `url = "https://x.example/{id}"`))
	if err != nil {
		t.Fatal(err)
	}
	km := keys.Default()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	err = c.CheckCommandKeys(km)
	wantErr(t, err, `config.toml:6: key "y" for command "zendesk" is already bound to copy_external_id; pick another key, or rebind copy_external_id in [keys]`)
	if err != nil && strings.Contains(err.Error(), `"free-r"`) {
		t.Errorf("r was freed by [keys], yet: %v", err)
	}
}

func TestExampleCommands(t *testing.T) {
	c, err := Load(writeConfig(t, Example))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, cmd := range c.Commands {
		names = append(names, cmd.Name+"="+cmd.Key)
	}
	if !slices.Equal(names, []string{"zendesk=Z", "escalate=E"}) {
		t.Errorf("the example's commands = %q", names)
	}
	km := keys.Default()
	if err := c.ApplyKeys(&km); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckCommandKeys(km); err != nil {
		t.Errorf("the example's command keys are taken: %v", err)
	}
}
