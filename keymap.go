package main

import (
	"github.com/opencx-tools/cxi/ui/command/config"
	"github.com/opencx-tools/cxi/ui/keys"
)

// keyMap is the program's key map: the defaults of ui/keys with the config
// file's remaps applied, checked for conflicts (the user's commands'
// keys too) before any view sees them.
func keyMap(file config.Config) (keys.Map, error) {
	km := keys.Default()
	if err := file.ApplyKeys(&km); err != nil {
		return keys.Map{}, err
	}
	if err := file.CheckCommandKeys(km); err != nil { // a [[commands]] key must not shadow one of cxi's
		return keys.Map{}, err
	}
	if err := file.CheckViewKeys(km); err != nil { // a view's own key must reach the tabs
		return keys.Map{}, err
	}
	return km, nil
}
