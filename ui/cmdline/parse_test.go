package cmdline

import (
	"github.com/opencx-tools/cxi/api/pulse"
	"reflect"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/filter"
)

func ptr[T any](v T) *T { return &v }

var registry = Registry{Views: []string{"Needs attention", "Open"}, Profiles: []string{"acme", "globex"}, Actions: []string{"zendesk"}}

func TestParseReadsEachCommand(t *testing.T) {
	for line, want := range map[string]Msg{
		"open 3c90c3cc-0d44-4b50-8888-8dd25736052a": OpenMsg{Text: "3c90c3cc-0d44-4b50-8888-8dd25736052a"},
		":open  Jane Doe ":                          OpenMsg{Text: "Jane Doe"},
		"open #4411":                                OpenMsg{Text: "#4411"},
		"close":                                     StatusMsg{Status: api.StatusClosedResolved},
		"close --unresolved":                        StatusMsg{Status: api.StatusClosedUnresolved},
		"reopen":                                    StatusMsg{Status: api.StatusOpen},
		"redact":                                    RedactMsg{},
		"filter":                                    FilterMsg{Reset: true},
		"filter reset":                              FilterMsg{Reset: true},
		"filter channel=email status=open":          FilterMsg{Channel: ptr(api.ChannelEmail), Status: ptr(api.StatusOpen)},
		"filter handed_off=any within=7d":           FilterMsg{HandedOff: ptr(false), Window: ptr(7 * 24 * time.Hour)},
		"filter handed_off=true":                    FilterMsg{HandedOff: ptr(true)},
		"filter status=any within=any":              FilterMsg{Status: ptr(api.Status("")), Window: ptr(time.Duration(0))},
		"filter status=open text=Dana  W":           FilterMsg{Status: ptr(api.StatusOpen), Text: ptr("Dana W")},
		"filter text=":                              FilterMsg{Text: ptr("")},
		"filter reason=insufficient_knowledge":      FilterMsg{Reason: ptr(api.ReasonInsufficientKnowledge)},
		"filter reason=any":                         FilterMsg{Reason: ptr(api.HandoffReason(""))},
		"filter flag=no_ticket":                     FilterMsg{Flag: ptr("no_ticket")},
		"filter flag=flagged status=open":           FilterMsg{Flag: ptr("flagged"), Status: ptr(api.StatusOpen)},
		"copy external_id":                          CopyMsg{Field: CopyExternalID},
		"copy summary":                              CopyMsg{Field: CopySummary},
		"view needs attention":                      ViewMsg{Name: "Needs attention"},
		"view Open":                                 ViewMsg{Name: "Open"},
		"profile globex":                            ProfileMsg{Name: "globex"},
		"run zendesk":                               RunMsg{Name: "zendesk"},
		"pulse":                                     PulseMsg{Span: pulse.Week},
		"pulse today":                               PulseMsg{Span: pulse.Today},
		"pulse 30d":                                 PulseMsg{Span: pulse.Month},
		"pulse off":                                 PulseMsg{Line: ptr(false)},
		"pulse on":                                  PulseMsg{Line: ptr(true)},
		"help":                                      HelpMsg{},
		"q":                                         QuitMsg{},
		"quit":                                      QuitMsg{},
	} {
		got, err := Parse(line, registry)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) = %#v, %v; want %#v", line, got, err, want)
		}
	}
	if got, err := Parse("  : ", registry); got != nil || err != nil {
		t.Errorf("a blank line = %#v, %v; want nothing", got, err)
	}
}

func TestParseErrorsNameTheLineAndWhatItTakes(t *testing.T) {
	for line, want := range map[string]string{
		"clsoe":                         "no command `:clsoe` — did you mean `:close`?",
		"fliter status=open":            "no command `:fliter` — did you mean `:filter`?",
		"xyzzy":                         "no command `:xyzzy`; the commands are open, close, reopen, redact, filter, copy, view, profile, run, pulse, newest, help or quit",
		"pulse 8h":                      "`:pulse 8h`: \"8h\" is not a span: want today, or days such as 7d or 30d, or weeks such as 2w; or on/off for the header's pulse line",
		"pulse today off":               "`:pulse today off`: it takes one of today, 7d, 30d, on or off",
		"open":                          "`:open` needs a session: its ID, #ticket number or contact email",
		"close now":                     "`:close now`: the only option is --unresolved",
		"reopen 3c90":                   "`:reopen 3c90`: it takes no argument",
		"filter channel=fax":            "`:filter channel=fax`: channel is one of any, web, email, phone_voice, slack, sms, whatsapp, instagram, messenger, api or web_voice",
		"filter status=closed":          "`:filter status=closed`: status is one of any, open, closed_unresolved or closed_resolved",
		"filter within=2h":              "`:filter within=2h`: within is one of any, 1h, 24h, 7d or 30d",
		"filter handed_off=1":           "`:filter handed_off=1`: handed_off is one of true or any",
		"filter handed_off=false":       "`:filter handed_off=false`: the queue has no filter for sessions not handed off: handed_off is true (handed off only) or any",
		"filter team=billing":           "`:filter team=billing`: no filter team; the filters are status, channel, handed_off, within, reason, flag or text",
		"filter reason=rude":            "`:filter reason=rude`: reason is one of any, user_requested_human_assistance, insufficient_knowledge, insufficient_tools, instructions_not_clear, based_on_instructions or prohibited_topic",
		"filter open":                   "`:filter open`: a filter is key=value, with the key one of status, channel, handed_off, within, reason, flag or text",
		"filter status=":                "`:filter status=`: status needs a value: any, open, closed_unresolved or closed_resolved",
		"filter flag=angry":             "`:filter flag=angry`: flag is one of any, flagged, no_ticket, assumed_angry, resolved_unhappy, no_reply or back_soon",
		"filter status=open status=any": "`:filter status=open status=any`: status is given twice",
		"filter status=open reset":      "`:filter status=open reset`: reset stands alone: `:filter reset` puts every filter back",
		"copy":                          "`:copy` needs a field: external_id, id or summary",
		"copy email":                    "`:copy email`: the field is one of external_id, id or summary",
		"copy id summary":               "`:copy id summary`: copy one field at a time: external_id, id or summary",
		"view":                          "`:view` needs the name of a view: Needs attention or Open",
		"view Closed":                   "`:view Closed`: no view named Closed; the views are Needs attention or Open",
		"run jira":                      "`:run jira`: no action named jira; the actions are zendesk",
	} {
		_, err := Parse(line, registry)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error\n %v\nwant\n %s", line, err, want)
		}
	}
	_, err := Parse("profile acme", Registry{})
	if want := "`:profile acme`: no profile named acme: there are no profiles ([profiles.NAME] in config.toml)"; err == nil || err.Error() != want {
		t.Errorf("without profiles: %v", err)
	}
}

// TestParseNeverEchoesControls: a pasted line with an escape sequence is
// named in the error without it.
func TestParseNeverEchoesControls(t *testing.T) {
	_, err := Parse("copy \x1b]52;c;aGk=\x07", registry)
	if err == nil {
		t.Fatal("no error")
	}
	for _, r := range err.Error() {
		if r == 0x1b || r == 0x07 {
			t.Fatalf("the error carries a control character: %q", err.Error())
		}
	}
}

func TestFilterApplySetsOnlyWhatItNames(t *testing.T) {
	start := filter.Filters{Status: api.StatusOpen, HandedOff: true, Channel: api.ChannelWeb, Window: time.Hour}
	msg, err := Parse("filter channel=email within=any", registry)
	if err != nil {
		t.Fatal(err)
	}
	got := msg.(FilterMsg).Apply(start)
	want := filter.Filters{Status: api.StatusOpen, HandedOff: true, Channel: api.ChannelEmail}
	if got != want {
		t.Errorf("Apply = %+v, want %+v", got, want)
	}
}
