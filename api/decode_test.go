package api_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/fake"
)

// The IDs of the decoding cases; each is a body the fake server serves as is.
const (
	idFloatTicket = "11111111-1111-4111-8111-111111111111"
	idHugeTicket  = "22222222-2222-4222-8222-222222222222"
	idAllNull     = "33333333-3333-4333-8333-333333333333"
	idAllAbsent   = "44444444-4444-4444-8444-444444444444"
	idUnknownEnum = "55555555-5555-4555-8555-555555555555"
	idExtraFields = "66666666-6666-4666-8666-666666666666"
	idCustomData  = "77777777-7777-4777-8777-777777777777"
	idBadTimes    = "88888888-8888-4888-8888-888888888888"
	idNoCType     = "99999999-9999-4999-8999-999999999999"
)

// required is the part of every body the contract requires.
func required(id string) string {
	return `"id":"` + id + `","status":"open","channel":{"type":"web"},"ticket_number":7,"assist_mode":false,` +
		`"created_at":"2026-03-11T13:47:19.204Z","updated_at":"2026-03-11T14:06:03.771Z"`
}

// TestDecodingTraps sends each odd body through the real client and the
// fake server, and checks what the UI will read from the Session.
func TestDecodingTraps(t *testing.T) {
	bodies := map[string]string{
		idFloatTicket: `{` + strings.Replace(required(idFloatTicket), `"ticket_number":7`, `"ticket_number":1042.5`, 1) + `}`,
		idHugeTicket:  `{` + strings.Replace(required(idHugeTicket), `"ticket_number":7`, `"ticket_number":1e21`, 1) + `}`,
		idAllNull: `{` + required(idAllNull) + `,"ai_closure_type":null,"sentiment":null,"assignee_id":null,` +
			`"contact":{"id":"c1","email":null,"phone_number":null,"name":null,"custom_data":null,"created_at":null,` +
			`"updated_at":null,"non_verified_name":null,"non_verified_email":null,"non_verified_custom_data":null},` +
			`"language":null,"custom_data":null,"team":null,"handoff":null,"ticketing_system":null}`,
		idAllAbsent: `{"id":"` + idAllAbsent + `","status":"open","ai_closure_type":null,"sentiment":null,"channel":{"type":"web"},` +
			`"ticket_number":1,"assist_mode":false,"created_at":"2026-03-11T13:47:19Z","updated_at":"2026-03-11T13:47:19Z"}`,
		idUnknownEnum: `{` + strings.NewReplacer(`"status":"open"`, `"status":"snoozed"`, `"type":"web"`, `"type":"telegram"`).Replace(required(idUnknownEnum)) +
			`,"ai_closure_type":"escalated","sentiment":"frustrated","handoff":{"sentiment":"confused","summary":"s"},` +
			`"ticketing_system":{"name":"zendesk_v3","external_id":"Z-1","id_type":"thread_id"}}`,
		idExtraFields: `{` + required(idExtraFields) + `,"priority":{"level":3,"tags":["vip"]},"channel":{"type":"email","provider":"gmail"},` +
			`"team":{"id":"t1","name":"Billing","region":"eu"},"_links":{"self":"/x"}}`,
		idCustomData: `{` + required(idCustomData) + `,"custom_data":{"plan":"pro","mrr":1249.99,"big":12345678901234567890,` +
			`"credit":-150.25,"tiny":1e-7,"zero":0,"on":true,"off":false,"none":null,"empty":"","quoted":"say \"hi\" caf\u00e9",` +
			`"obj":{"a": 1},"list":[1, "two"]},"contact":{"id":"c1","custom_data":{"tier":"gold"},` +
			`"non_verified_custom_data":{"seats":25,"invoice":true,"po":"PO-1"}}}`,
		idBadTimes: `{"id":"` + idBadTimes + `","status":"open","channel":{"type":"web"},"created_at":"yesterday",` +
			`"updated_at":"2026-03-11T15:47:19+02:00","contact":{"id":"c1","created_at":"2026-02-03T17:22:41","updated_at":"last Tuesday"}}`,
	}
	opts := []fake.Option{fake.WithKey(testKey)}
	for id, body := range bodies {
		opts = append(opts, fake.WithSession(id, []byte(body)))
	}
	_, base := startFake(t, fake.New(opts...))
	c := newClient(t, base)

	tests := []struct {
		id    string
		check func(t *testing.T, s *api.Session)
	}{
		{idFloatTicket, func(t *testing.T, s *api.Session) {
			if s.TicketNumber == nil || s.TicketNumber.String() != "1042.5" || !s.TicketNumber.IsNumber() {
				t.Errorf("TicketNumber = %v, want 1042.5", s.TicketNumber)
			}
		}},
		{idHugeTicket, func(t *testing.T, s *api.Session) {
			// As sent: the literal, not a float's rendering of it.
			if s.TicketNumber == nil || s.TicketNumber.String() != "1e21" || s.TicketNumber.Key() != "1000000000000000000000" {
				t.Errorf("TicketNumber = %v, want 1e21", s.TicketNumber)
			}
		}},
		{idAllNull, func(t *testing.T, s *api.Session) {
			if s.AIClosureType != nil || s.Sentiment != nil || s.AssigneeID != nil || s.Language != nil ||
				s.CustomData != nil || s.Team != nil || s.Handoff != nil || s.TicketingSystem != nil {
				t.Errorf("a null field decoded as a value: %+v", s)
			}
			ct := s.Contact
			if ct == nil || ct.ID != "c1" {
				t.Fatalf("Contact = %+v, want id c1", ct)
			}
			if ct.Email != nil || ct.PhoneNumber != nil || ct.Name != nil || ct.CustomData != nil || ct.CreatedAt.Raw != "" ||
				ct.UpdatedAt.Raw != "" || ct.NonVerifiedName != nil || ct.NonVerifiedEmail != nil || ct.NonVerifiedCustomData != nil {
				t.Errorf("a null contact field decoded as a value: %+v", ct)
			}
		}},
		{idAllAbsent, func(t *testing.T, s *api.Session) {
			if s.Contact != nil || s.Language != nil || s.AssigneeID != nil || s.CustomData != nil || s.Team != nil ||
				s.Handoff != nil || s.TicketingSystem != nil {
				t.Errorf("an absent field decoded as a value: %+v", s)
			}
			if !s.CreatedAt.Valid() || s.Status != api.StatusOpen || s.Channel.Type != api.ChannelWeb {
				t.Errorf("required fields lost: %+v", s)
			}
		}},
		{idUnknownEnum, func(t *testing.T, s *api.Session) {
			if s.Status != "snoozed" || s.Status.Known() {
				t.Errorf("Status = %q (known %v)", s.Status, s.Status.Known())
			}
			if s.Channel.Type != "telegram" || s.Channel.Type.Known() {
				t.Errorf("Channel = %q", s.Channel.Type)
			}
			if s.AIClosureType == nil || *s.AIClosureType != "escalated" || s.AIClosureType.Known() {
				t.Errorf("AIClosureType = %v", s.AIClosureType)
			}
			if s.Sentiment == nil || *s.Sentiment != "frustrated" || s.Sentiment.Known() {
				t.Errorf("Sentiment = %v", s.Sentiment)
			}
			if s.Handoff == nil || s.Handoff.Sentiment == nil || *s.Handoff.Sentiment != "confused" {
				t.Errorf("Handoff = %+v", s.Handoff)
			}
			ts := s.TicketingSystem
			if ts == nil || ts.Name != "zendesk_v3" || ts.Name.Known() || ts.IDType != "thread_id" || ts.IDType.Known() {
				t.Errorf("TicketingSystem = %+v", ts)
			}
		}},
		{idExtraFields, func(t *testing.T, s *api.Session) {
			if s.Channel.Type != api.ChannelEmail || s.Team == nil || s.Team.Name != "Billing" || s.Team.Description != nil {
				t.Errorf("known fields next to unknown ones lost: %+v %+v", s.Channel, s.Team)
			}
		}},
		{idCustomData, func(t *testing.T, s *api.Session) {
			want := []struct {
				key, text string
				kind      api.ValueKind
			}{
				{"plan", "pro", api.KindString},
				{"mrr", "1249.99", api.KindNumber},
				{"big", "12345678901234567890", api.KindNumber},
				{"credit", "-150.25", api.KindNumber},
				{"tiny", "1e-7", api.KindNumber},
				{"zero", "0", api.KindNumber},
				{"on", "true", api.KindBool},
				{"off", "false", api.KindBool},
				{"none", "", api.KindNull},
				{"empty", "", api.KindString},
				{"quoted", `say "hi" café`, api.KindString},
				{"obj", `{"a":1}`, api.KindOther},
				{"list", `[1,"two"]`, api.KindOther},
				{"missing", "", api.KindNull},
			}
			for _, w := range want {
				if text, kind := s.CustomData.Value(w.key); text != w.text || kind != w.kind {
					t.Errorf("Value(%q) = %q, %v; want %q, %v", w.key, text, kind, w.text, w.kind)
				}
			}
			keys := s.CustomData.Keys()
			if strings.Join(keys, ",") != "big,credit,empty,list,mrr,none,obj,off,on,plan,quoted,tiny,zero" {
				t.Errorf("Keys() = %v, want sorted", keys)
			}
			if text, kind := s.Contact.CustomData.Value("tier"); text != "gold" || kind != api.KindString {
				t.Errorf("contact custom data: %q %v", text, kind)
			}
			if text, kind := s.Contact.NonVerifiedCustomData.Value("seats"); text != "25" || kind != api.KindNumber {
				t.Errorf("non-verified custom data: %q %v", text, kind)
			}
		}},
		{idBadTimes, func(t *testing.T, s *api.Session) {
			if s.CreatedAt.Raw != "yesterday" || s.CreatedAt.Valid() {
				t.Errorf("CreatedAt = %+v, want the raw text kept and not valid", s.CreatedAt)
			}
			want := time.Date(2026, 3, 11, 13, 47, 19, 0, time.UTC)
			if !s.UpdatedAt.Valid() || !s.UpdatedAt.Time.Equal(want) || s.UpdatedAt.Raw != "2026-03-11T15:47:19+02:00" {
				t.Errorf("UpdatedAt = %+v, want %v with its offset kept in Raw", s.UpdatedAt, want)
			}
			if s.Contact.CreatedAt.Raw != "2026-02-03T17:22:41" || s.Contact.CreatedAt.Valid() || s.Contact.UpdatedAt.Raw != "last Tuesday" {
				t.Errorf("contact timestamps are plain strings: %q %q", s.Contact.CreatedAt, s.Contact.UpdatedAt)
			}
			if s.TicketNumber != nil || s.AssistMode != nil {
				t.Errorf("absent ticket_number/assist_mode decoded as values")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id[:8], func(t *testing.T) {
			s, err := c.GetSession(context.Background(), tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if s.ID != tt.id {
				t.Errorf("ID = %q, want %q", s.ID, tt.id)
			}
			tt.check(t, s)
		})
	}
}

// TestJSONWithoutContentType: a body with no Content-Type that looks like a
// JSON object is read as one.
func TestJSONWithoutContentType(t *testing.T) {
	srv := serve(t, respond(200, "", `{"id":"`+idNoCType+`"}`))
	s, err := newClient(t, srv.URL).GetSession(context.Background(), idNoCType)
	if err != nil || s.ID != idNoCType {
		t.Fatalf("got %v, %v", s, err)
	}
}

func TestKnownEnums(t *testing.T) {
	for _, v := range []api.Status{api.StatusOpen, api.StatusClosedResolved, api.StatusClosedUnresolved} {
		if !v.Known() {
			t.Errorf("Status %q not known", v)
		}
	}
	for _, v := range []api.ClosureType{api.ClosureAssumedResolved, api.ClosureHandedOff, api.ClosureResolved} {
		if !v.Known() {
			t.Errorf("ClosureType %q not known", v)
		}
	}
	for _, v := range []api.Sentiment{api.SentimentAngry, api.SentimentNeutral, api.SentimentHappy} {
		if !v.Known() {
			t.Errorf("Sentiment %q not known", v)
		}
	}
	channels := api.Channels()
	if len(channels) != 10 {
		t.Errorf("Channels() has %d, want the contract's 10", len(channels))
	}
	for _, v := range channels {
		if !v.Known() {
			t.Errorf("Channel %q not known", v)
		}
	}
	channels[0] = "mutated"
	if api.Channels()[0] == "mutated" {
		t.Error("Channels() shares its slice with the package")
	}
	for _, v := range []api.SystemName{"dynamics365", "freshchat", "freshdesk", "freshdesk_ticketing", "front", "gorgias",
		"hubspot", "infobip", "intercom", "open", "salesforce", "salesforce_v2", "twilio_flex", "zendesk", "zendesk_v2"} {
		if !v.Known() {
			t.Errorf("SystemName %q not known", v)
		}
	}
	for _, v := range []api.IDType{"conversation_id", "ticket_id", "case_id", "conversation_sid"} {
		if !v.Known() {
			t.Errorf("IDType %q not known", v)
		}
	}
	// Unknown values, including case variants and the empty string.
	if api.Status("Open").Known() || api.Status("").Known() || api.Sentiment("sad").Known() || api.ChannelType("fax").Known() ||
		api.ClosureType("x").Known() || api.SystemName("Zendesk").Known() || api.IDType("").Known() {
		t.Error("an unknown value reported as known")
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		raw  string
		text string
		kind api.ValueKind
	}{
		{``, "", api.KindNull},
		{`  `, "", api.KindNull},
		{`null`, "", api.KindNull},
		{`"a\nb"`, "a\nb", api.KindString},
		{` "padded" `, "padded", api.KindString},
		{`"\ud83d\ude00"`, "😀", api.KindString},
		{`1249.99`, "1249.99", api.KindNumber},
		{`12345678901234567890`, "12345678901234567890", api.KindNumber},
		{`-0.0`, "-0.0", api.KindNumber},
		{`6.02E+23`, "6.02E+23", api.KindNumber},
		{`true`, "true", api.KindBool},
		{`false`, "false", api.KindBool},
		{`{ "k" : [1, 2] }`, `{"k":[1,2]}`, api.KindOther},
		{`[]`, `[]`, api.KindOther},
		{`"unterminated`, `"unterminated`, api.KindOther},
		{`tru`, `tru`, api.KindOther},
	}
	for _, tt := range tests {
		if text, kind := api.FormatValue(json.RawMessage(tt.raw)); text != tt.text || kind != tt.kind {
			t.Errorf("FormatValue(%q) = %q, %v; want %q, %v", tt.raw, text, kind, tt.text, tt.kind)
		}
	}
}

func TestTimestamp(t *testing.T) {
	tests := []struct {
		in    string
		valid bool
		want  time.Time
	}{
		{"2026-03-11T13:47:19.204Z", true, time.Date(2026, 3, 11, 13, 47, 19, 204e6, time.UTC)},
		{"2026-03-11T13:47:19Z", true, time.Date(2026, 3, 11, 13, 47, 19, 0, time.UTC)},
		{"2026-03-11T13:47:19.123456789-05:00", true, time.Date(2026, 3, 11, 18, 47, 19, 123456789, time.UTC)},
		{"2026-03-11 13:47:19", false, time.Time{}},
		{"2026-03-11", false, time.Time{}},
		{"1741700839", false, time.Time{}},
		{"", false, time.Time{}},
	}
	for _, tt := range tests {
		var ts api.Timestamp
		quoted, _ := json.Marshal(tt.in)
		if err := json.Unmarshal(quoted, &ts); err != nil {
			t.Fatal(err)
		}
		if ts.Raw != tt.in || ts.Valid() != tt.valid || !ts.Time.Equal(tt.want) {
			t.Errorf("Timestamp from %q = %+v, want valid %v at %v", tt.in, ts, tt.valid, tt.want)
		}
		out, err := json.Marshal(ts)
		if err != nil {
			t.Fatal(err)
		}
		var back api.Timestamp
		if err := json.Unmarshal(out, &back); err != nil || back.Raw != tt.in {
			t.Errorf("round trip of %q: %s → %+v, %v", tt.in, out, back, err)
		}
	}
	var ts api.Timestamp
	if err := json.Unmarshal([]byte(`null`), &ts); err != nil || ts.Raw != "" || ts.Valid() {
		t.Errorf("null → %+v, %v", ts, err)
	}
	if err := json.Unmarshal([]byte(`17`), &ts); err == nil {
		t.Errorf("a number decoded as a timestamp: %+v", ts)
	}
}
