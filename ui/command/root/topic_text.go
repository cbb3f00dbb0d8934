package root

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// keyRef is a key named in a topic's prose by its action, {key:next_view},
// so that the prose gives the default keys as keys.Default() has them:
// a sentence that says "press >" would lie the day the default changes.
var keyRef = regexp.MustCompile(`\{key:([a-z_]+)\}`)

// prose is a topic's text with its keys filled in (withKeys) and each
// paragraph of running text wrapped at 80 columns, since a key's name can
// be longer or shorter than its reference. A paragraph that starts with a
// space (a table, a command, an example) is left as written.
func prose(text string) string {
	paras := strings.Split(withKeys(text), "\n\n")
	for i, p := range paras {
		if p == "" || strings.HasPrefix(p, " ") {
			continue
		}
		// Wordwrap breaks after any hyphen, which would split a flag
		// (--\nprofile): a non-breaking hyphen stands in while it wraps.
		flat := strings.ReplaceAll(strings.Join(strings.Fields(p), " "), "-", nbHyphen)
		paras[i] = strings.ReplaceAll(ansi.Wordwrap(flat, 80, ""), nbHyphen, "-")
	}
	return strings.Join(paras, "\n\n")
}

// nbHyphen is U+2011, a hyphen no line breaks after, as wide as "-".
const nbHyphen = "\u2011"

// withKeys is text with each {key:ACTION} replaced by the action's default
// keys ("n/J/]"). An action that does not exist is left as written, which
// TestTopicsNameOnlyRealActions catches.
func withKeys(text string) string {
	bound := map[string]string{}
	for _, b := range config.Bindings(keys.Default()) {
		names := make([]string, len(b.Keys))
		for i, k := range b.Keys {
			names[i] = keys.HelpName(k)
		}
		bound[b.Action] = strings.Join(names, "/")
	}
	return keyRef.ReplaceAllStringFunc(text, func(ref string) string {
		if k, ok := bound[keyRef.FindStringSubmatch(ref)[1]]; ok {
			return k
		}
		return ref
	})
}

// Example is a config.toml example a help topic shows. The tests load each
// as a config file, as they load the README's, so that a topic cannot show
// a setting cxi refuses.
type Example struct {
	Topic string // the topic that shows it: cxi help Topic
	TOML  string
}

// Examples are the config.toml examples the help topics show (the config
// topic's own example, config.Example, is tested where it is made).
func Examples() []Example {
	return []Example{
		{Topic: "views", TOML: viewsExample},
		{Topic: "why", TOML: whyExample},
	}
}

// indent is text with every line but blank ones indented by two spaces,
// as a topic shows an example.
func indent(text string) string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
