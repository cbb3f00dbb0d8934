package expand

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

func session(t *testing.T, body string) *api.Session {
	t.Helper()
	var s api.Session
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

const full = `{"id":"3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04","status":"open","sentiment":"angry",
"channel":{"type":"email"},"ticket_number":9007199254740993,"language":"fr","assignee_id":"u-1",
"contact":{"id":"c-1","email":"a@b.example","phone_number":"+1 202","name":"Zoë"},
"team":{"id":"t-1","name":"Billing"},
"ticketing_system":{"name":"zendesk","external_id":"4471","id_type":"ticket_id"},
"custom_data":{"plan":"pro","seats":12,"vip":true,"nothing":null,"obj":{"a":1},
"slash":"a/b?c#d","at":"x@evil.com","pct":"%2F","dots":"..","space":"a b","dash":"-rf","nl":"a\nb","bidi":"in\u202evoice","zw":"pay\u200bpal","esc":"\u001b[31mred"},
"created_at":"2026-03-01T12:00:00Z","updated_at":"2026-03-01T12:00:00Z"}`

func TestValue(t *testing.T) {
	s := session(t, full)
	minimal := session(t, `{"id":"c21f7b3a-0e58-4d9c-a6f1-3b7e92d40c18","status":"open","channel":{"type":"phone"},"ticket_number":null,"created_at":"2026-03-01T12:00:00Z","updated_at":"2026-03-01T12:00:00Z"}`)
	for _, tc := range []struct {
		s           *api.Session
		field, want string
		err         string
	}{
		{s, "id", "3f9c2a71-8d4e-4b6a-9f13-5c2e7d8a1b04", ""},
		{s, "external_id", "4471", ""},
		{s, "ticket_number", "9007199254740993", ""}, // the literal, not a float's digits
		{s, "status", "open", ""},
		{s, "sentiment", "angry", ""},
		{s, "channel", "email", ""},
		{s, "contact.email", "a@b.example", ""},
		{s, "contact.phone", "+1 202", ""},
		{s, "contact.name", "Zoë", ""},
		{s, "contact.id", "c-1", ""},
		{s, "team.id", "t-1", ""},
		{s, "team.name", "Billing", ""},
		{s, "assignee_id", "u-1", ""},
		{s, "language", "fr", ""},
		{s, "custom_data.plan", "pro", ""},
		{s, "custom_data.seats", "12", ""},
		{s, "custom_data.vip", "true", ""},
		{s, "custom_data.nothing", "", "this session has no custom_data.nothing"},
		{s, "custom_data.obj", "", "this session has no custom_data.obj"},
		{s, "custom_data.missing", "", "this session has no custom_data.missing"},
		{s, "custom_data.nl", "", "this session's custom_data.nl holds a control character (U+000A)"},
		{s, "custom_data.esc", "", "this session's custom_data.esc holds a control character (U+001B)"},
		{s, "custom_data.bidi", "", "this session's custom_data.bidi holds characters the screen does not show"},
		{s, "custom_data.zw", "", "this session's custom_data.zw holds characters the screen does not show"},
		{minimal, "external_id", "", "this session has no external_id"},
		{minimal, "ticket_number", "", "this session has no ticket_number"},
		{minimal, "contact.email", "", "this session has no contact.email"},
		{minimal, "team.name", "", "this session has no team.name"},
		{minimal, "sentiment", "", "this session has no sentiment"},
	} {
		got, err := Value(tc.s, tc.field)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Value(%s) = %q, %v; want an error with %q", tc.field, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Value(%s) = %q, %v; want %q", tc.field, got, err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		url  string
		run  []string
		want string
	}{
		{url: "https://x.example/{nope}", want: "unknown placeholder {nope}"},
		{url: "https://x.example/{custom_data.}", want: "unknown placeholder {custom_data.}"},
		{url: "https://x.example/{id", want: "never closed"},
		{url: "https://x.example/id}", want: "closes no placeholder"},
		{url: "https://{team.name}.example/{id}", want: "placeholder before its path"},
		{url: "{custom_data.site}/t/{id}", want: "not an http(s) URL"},
		{url: "javascript://x/{id}", want: "not an http(s) URL"},
		{url: "https://user@x.example/{id}", want: "no plain host"},
		{url: "https:///{id}", want: "no plain host"},
		{run: []string{}, want: "run must name a program"},
		{run: []string{""}, want: "run must name a program"},
		{run: []string{"{custom_data.cmd}", "x"}, want: "must name the program itself"},
		{run: []string{"cli", "{bogus}"}, want: `run[1] "{bogus}" has an unknown placeholder {bogus}`},
	} {
		var err error
		if tc.run != nil {
			_, err = ParseArgs(tc.run)
		} else {
			_, err = ParseURL(tc.url)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse %q %q: %v; want %q", tc.url, tc.run, err, tc.want)
		}
	}
}

func TestExpandArgs(t *testing.T) {
	s := session(t, full)
	for _, tc := range []struct {
		run  []string
		want []string
		err  string
	}{
		{[]string{"zendesk-cli", "ticket", "{external_id}"}, []string{"zendesk-cli", "ticket", "4471"}, ""},
		{[]string{"cli", "--plan={custom_data.plan}", "#{ticket_number}"}, []string{"cli", "--plan=pro", "#9007199254740993"}, ""},
		{[]string{"cli", "{custom_data.space}"}, []string{"cli", "a b"}, ""},
		{[]string{"cli", "x{custom_data.slash}y"}, []string{"cli", "xa/b?c#dy"}, ""},
		{[]string{"cli", "{custom_data.dash}"}, nil, "starts with \"-\""},
		{[]string{"cli", "--x={custom_data.dash}"}, []string{"cli", "--x=-rf"}, ""},
		{[]string{"cli", "{custom_data.nl}"}, nil, "custom_data.nl holds a control character"},
	} {
		a, err := ParseArgs(tc.run)
		if err != nil {
			t.Fatal(err)
		}
		got, err := a.Expand(s)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %q, %v; want error %q", tc.run, got, err, tc.err)
			}
			continue
		}
		if err != nil || strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
			t.Errorf("%q: %q, %v; want %q", tc.run, got, err, tc.want)
		}
	}
}

func TestExpandURL(t *testing.T) {
	s := session(t, full)
	for _, tc := range []struct {
		tmpl, want, err string
	}{
		{"https://acme.zendesk.com/agent/tickets/{external_id}", "https://acme.zendesk.com/agent/tickets/4471", ""},
		{"https://h.example/t/{custom_data.slash}", "https://h.example/t/a%2Fb%3Fc%23d", ""},
		{"https://h.example/t/{custom_data.at}", "https://h.example/t/x@evil.com", ""}, // in the path, @ names no host
		{"https://h.example/t/{custom_data.pct}", "https://h.example/t/%252F", ""},
		{"https://h.example/t/{custom_data.space}", "https://h.example/t/a%20b", ""},
		{"https://h.example/s?q={custom_data.slash}&u={custom_data.at}", "https://h.example/s?q=a%2Fb%3Fc%23d&u=x%40evil.com", ""},
		{"https://h.example/s?q={custom_data.space}#{custom_data.space}", "https://h.example/s?q=a+b#a%20b", ""},
		{"https://h.example/t/{custom_data.dots}/x", "", "would move along the URL's path"},
		{"https://h.example/t?x={custom_data.dots}", "https://h.example/t?x=..", ""},
		{"https://h.example/t/{custom_data.esc}", "", "custom_data.esc holds a control character"},
		{"https://h.example/t/{custom_data.nothing}", "", "this session has no custom_data.nothing"},
		{"https://h.example{custom_data.slash}", "", "placeholder before its path"},
	} {
		u, err := ParseURL(tc.tmpl)
		if err != nil {
			if tc.err != "" && strings.Contains(err.Error(), tc.err) {
				continue
			}
			t.Fatalf("%s: %v", tc.tmpl, err)
		}
		got, err := u.Expand(s)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: %q, %v; want error %q", tc.tmpl, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", tc.tmpl, got, err, tc.want)
		}
	}
}
