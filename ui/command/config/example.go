package config

import _ "embed"

// Example is a config file that sets every setting, with a comment on
// each: the file the tests load and apply to the real key map, and what
// `cxi help config` prints.
//
//go:embed testdata/example.toml
var Example string
