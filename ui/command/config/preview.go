package config

import (
	"bytes"
	"errors"
	"fmt"

	toml "github.com/pelletier/go-toml/v2"
)

// The values [queue] preview takes: "auto" shows the preview beside the
// queue on a wide terminal only; the TUI's toggle writes "on" or "off".
var previews = []string{"auto", "on", "off"}

// setPreview reads [queue] preview into c.Preview: nil for "auto" (or
// none), else whether it is on.
func (c *Config) setPreview(f file, p *problems) {
	switch v := f.Queue.Preview; v {
	case "", "auto":
	case "on", "off":
		on := v == "on"
		c.Preview = &on
	default:
		p.add(c.lines.at("queue.preview"), "preview %q is not one of %s", v, quoteAll(previews))
	}
}

// SavePreview writes the preview's toggle back to the file at path as
// [queue] preview = "on" or "off", changing nothing else, as SaveActions
// does for the status menu's options: the key is added under [queue] (a
// [queue] table at the end when there is none), a missing file is created
// private, and a file Load would refuse is left alone, the error saying
// why.
func SavePreview(path string, on bool) error {
	value := "off"
	if on {
		value = "on"
	}
	return rewrite(path, "the preview", func(doc []byte) ([]byte, error) { return setQueuePreview(doc, value) })
}

// setQueuePreview is doc with [queue] preview set to value.
func setQueuePreview(doc []byte, value string) ([]byte, error) {
	if len(doc) > 0 && !bytes.HasSuffix(doc, []byte("\n")) {
		doc = append(doc[:len(doc):len(doc)], '\n')
	}
	spans, table, err := tableSpans(doc, "queue")
	if err != nil {
		return nil, err
	}
	quoted := fmt.Sprintf("%q", value)
	var out []byte
	switch sp, ok := spans["preview"]; {
	case ok:
		out = append(append(append([]byte(nil), doc[:sp[0]]...), quoted...), doc[sp[1]:]...)
	case table >= 0:
		out = append(append(append([]byte(nil), doc[:table]...), "preview = "+quoted+"\n"...), doc[table:]...)
	case spans["inline"][1] > 0:
		return nil, errors.New(`[queue] is an inline table: add preview = "on" or "off" to it by hand`)
	default:
		sep := "\n"
		if len(doc) == 0 {
			sep = ""
		}
		out = append(append([]byte(nil), doc...), sep+"[queue]\npreview = "+quoted+"\n"...)
	}
	var check file
	dec := toml.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&check); err != nil || check.Queue.Preview != value {
		return nil, fmt.Errorf("could not update [queue] preview in place (%v): set it by hand", err)
	}
	return out, nil
}
