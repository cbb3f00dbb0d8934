package main

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/styles"
	"github.com/opencx-tools/cxi/ui"
	"github.com/opencx-tools/cxi/ui/keys"
)

func allBindings(k keys.Map) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		out[v.Type().Field(i).Name] = v.Field(i).Interface().(key.Binding)
	}
	return out
}

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	for name, b := range allBindings(keys.Default()) {
		if len(b.Keys()) == 0 {
			t.Errorf("%s has no keys", name)
		}
		if b.Help().Key == "" || b.Help().Desc == "" {
			t.Errorf("%s has no help text", name)
		}
	}
}

func TestNoKeyIsBoundTwice(t *testing.T) {
	owner := map[string]string{}
	for name, b := range allBindings(keys.Default()) {
		for _, k := range b.Keys() {
			if other, taken := owner[k]; taken {
				t.Errorf("key %q is bound to both %s and %s", k, other, name)
			}
			owner[k] = name
		}
	}
}

type noClient struct{}

func (noClient) GetSession(context.Context, string) (*api.Session, error) { return nil, nil }
func (noClient) ListSessions(context.Context, api.ListParams) (*api.SessionPage, error) {
	return &api.SessionPage{}, nil
}
func (noClient) History(context.Context, string, string) (*api.HistoryPage, error) {
	return &api.HistoryPage{}, nil
}
func (noClient) Search(context.Context, string) (*api.SearchResult, error) {
	return &api.SearchResult{}, nil
}
func (noClient) BaseURL() string      { return "https://api.example.test" }
func (noClient) Budget() int          { return api.RequestsPerMinute }
func (noClient) Delay() time.Duration { return 0 }
func (noClient) SetStatus(context.Context, string, api.StatusChange) error {
	return nil
}

// TestLettersTypeIntoTheInput checks the real keymap against the model:
// the letter keys are actions in the views but text in the input.
func TestLettersTypeIntoTheInput(t *testing.T) {
	var m tea.Model = ui.New(ui.Options{Client: noClient{}, Theme: styles.Plain(), Keys: keys.Default()})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'/'}})
	for _, ch := range "qyrjk/?nptshcwoa" {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{ch}})
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Fatalf("%q quit while typing", ch)
			}
		}
	}
	if v := m.View(); !strings.Contains(v, "› qyrjk/?nptshcwoa") {
		t.Errorf("letters did not reach the input:\n%s", v)
	}
}
func (noClient) CSAT(context.Context, string) (*api.CSATScore, error) { return nil, nil }
func (noClient) WalkHandoffReasons(context.Context, api.Period) (*api.HandoffWalk, error) {
	return &api.HandoffWalk{BySession: map[string]api.HandoffWhy{}}, nil
}
