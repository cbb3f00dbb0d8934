package lint

import (
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

var now = time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC) // a Monday

func ptr[T any](v T) *T { return &v }

func ts(t time.Time) api.Timestamp { return api.Timestamp{Time: t, Raw: t.Format(time.RFC3339)} }

// session is an open session handed off with a ticket, created an hour
// ago: no rule trips on it; each case changes what its rule reads.
func session(edit func(*api.Session)) *api.Session {
	s := &api.Session{
		ID: "3c90c3cc-0d44-4b50-8888-8dd25736052a", Status: api.StatusOpen,
		AIClosureType:   ptr(api.ClosureHandedOff),
		Sentiment:       ptr(api.SentimentNeutral),
		Handoff:         &api.Handoff{Summary: "wants a refund"},
		TicketingSystem: &api.TicketingSystem{Name: "zendesk", ExternalID: "ZD-1", IDType: "id"},
		Contact:         &api.Contact{ID: "c1", Email: ptr("dana@example.com"), PhoneNumber: ptr("+44 20 7946 0000")},
		CreatedAt:       ts(now.Add(-time.Hour)), UpdatedAt: ts(now.Add(-time.Hour)),
	}
	if edit != nil {
		edit(s)
	}
	return s
}

type ruleCase struct {
	name string
	in   Input
	t    func(*Thresholds)
	says string // "" = the rule says nothing; else a part of what it says
}

func runRule(t *testing.T, r Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			th := Defaults()
			if c.t != nil {
				c.t(&th)
			}
			if c.in.Now.IsZero() {
				c.in.Now = now
			}
			says, ok := checks[r](c.in, th)
			if c.says == "" {
				if ok {
					t.Fatalf("%s tripped: %q", r, says)
				}
				return
			}
			if !ok || !strings.Contains(says, c.says) {
				t.Fatalf("%s says %q (tripped %v), want it to say %q", r, says, ok, c.says)
			}
			flags := Check(c.in, th)
			if !Has(flags, r) {
				t.Fatalf("Check = %v, without %s", flags, r)
			}
			th.Off = []Rule{r}
			if Has(Check(c.in, th), r) {
				t.Fatalf("%s is off but tripped", r)
			}
		})
	}
}

func TestNoTicket(t *testing.T) {
	runRule(t, NoTicket, []ruleCase{
		{name: "handed off with a ticket", in: Input{Session: session(nil)}},
		{name: "no ticketing system", in: Input{Session: session(func(s *api.Session) { s.TicketingSystem = nil })}, says: "no ticket in the helpdesk"},
		{name: "blank external_id", in: Input{Session: session(func(s *api.Session) { s.TicketingSystem.ExternalID = "  " })}, says: "no external_id"},
		{name: "closed as handed off, no handoff object", in: Input{Session: session(func(s *api.Session) { s.Handoff, s.TicketingSystem = nil, nil })}, says: "no ticket"},
		{name: "not handed off", in: Input{Session: session(func(s *api.Session) {
			s.Handoff, s.AIClosureType, s.TicketingSystem = nil, ptr(api.ClosureResolved), nil
		})}},
	})
}

func TestAssumedAngry(t *testing.T) {
	assumed := func(mood api.Sentiment) *api.Session {
		return session(func(s *api.Session) { s.AIClosureType, s.Sentiment = ptr(api.ClosureAssumedResolved), ptr(mood) })
	}
	runRule(t, AssumedAngry, []ruleCase{
		{name: "assumed, angry", in: Input{Session: assumed(api.SentimentAngry)}, says: "assumed it resolved"},
		{name: "assumed, happy", in: Input{Session: assumed(api.SentimentHappy)}},
		{name: "assumed, handoff angry", in: Input{Session: session(func(s *api.Session) {
			s.AIClosureType, s.Handoff.Sentiment = ptr(api.ClosureAssumedResolved), ptr(api.SentimentAngry)
		})}, says: "angry"},
		{name: "assumed, no sentiment", in: Input{Session: session(func(s *api.Session) { s.AIClosureType, s.Sentiment = ptr(api.ClosureAssumedResolved), nil })}},
		{name: "no closure type", in: Input{Session: session(func(s *api.Session) { s.AIClosureType, s.Sentiment = nil, ptr(api.SentimentAngry) })}},
		{name: "unknown sentiment", in: Input{Session: assumed("furious")}},
	})
}

func TestResolvedUnhappy(t *testing.T) {
	resolved := func(mood api.Sentiment) *api.Session {
		return session(func(s *api.Session) { s.Status, s.Sentiment = api.StatusClosedResolved, ptr(mood) })
	}
	runRule(t, ResolvedUnhappy, []ruleCase{
		{name: "angry", in: Input{Session: resolved(api.SentimentAngry)}, says: "closed as resolved, but the customer is angry"},
		{name: "rated 1", in: Input{Session: resolved(api.SentimentNeutral), Rating: ptr(1.0)}, says: "rated 1 (low: 2 or less)"},
		{name: "rated at the threshold", in: Input{Session: resolved(api.SentimentNeutral), Rating: ptr(2.0)}, says: "rated 2"},
		{name: "rated above it", in: Input{Session: resolved(api.SentimentNeutral), Rating: ptr(2.5)}},
		{name: "threshold raised", in: Input{Session: resolved(api.SentimentNeutral), Rating: ptr(2.5)}, t: func(t *Thresholds) { t.LowRating = 3 }, says: "rated 2.5 (low: 3 or less)"},
		{name: "angry and rated low", in: Input{Session: resolved(api.SentimentAngry), Rating: ptr(1.0)}, says: "angry and rated 1"},
		{name: "no rating kept, neutral", in: Input{Session: resolved(api.SentimentNeutral)}},
		{name: "open and angry", in: Input{Session: session(func(s *api.Session) { s.Sentiment = ptr(api.SentimentAngry) }), Rating: ptr(1.0)}},
		{name: "closed unresolved and rated 1", in: Input{Session: session(func(s *api.Session) { s.Status = api.StatusClosedUnresolved }), Rating: ptr(1.0)}},
	})
}

func event(kind, sender string, at time.Time) api.Event {
	return api.Event{Type: kind, SenderType: sender, CreatedAt: ts(at)}
}

func TestNoReply(t *testing.T) {
	handedOff := now.Add(-5 * time.Hour) // Monday 10:00 UTC
	waiting := []api.Event{event("message", "contact", handedOff.Add(-time.Minute)), event("handoff", "ai", handedOff), event("message", "contact", handedOff.Add(time.Hour))}
	replied := append(waiting[:2:2], event("message", "agent", handedOff.Add(30*time.Minute)))
	london := &api.OfficeHours{Name: "support", Timezone: "Europe/London", Shifts: []api.Shift{{DayOfWeek: "monday_to_friday", StartTime: "09:00:00", EndTime: "17:00:00"}}}
	night := &api.OfficeHours{Name: "night", Timezone: "Europe/London", Shifts: []api.Shift{{DayOfWeek: "monday_to_friday", StartTime: "22:00:00", EndTime: "23:00:00"}}}
	broken := &api.OfficeHours{Name: "broken", Timezone: "Mars/Olympus"}
	closedLate := session(func(s *api.Session) {
		s.Status, s.UpdatedAt = api.StatusClosedUnresolved, ts(handedOff.Add(6*time.Hour))
	})
	runRule(t, NoReply, []ruleCase{
		{name: "no transcript kept", in: Input{Session: session(nil)}},
		{name: "no transcript, handoff time known", in: Input{Session: session(nil), HandedOffAt: handedOff}},
		{name: "waiting 5h", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true}, says: "handed off 5h ago, no human reply"},
		{name: "a human replied", in: Input{Session: session(nil), Transcript: replied, TranscriptComplete: true}},
		{name: "a human note is no reply", in: Input{Session: session(nil), Transcript: append(waiting[:3:3], event("note", "agent", handedOff.Add(time.Hour))), TranscriptComplete: true}, says: "no human reply"},
		{name: "transcript not read to its end", in: Input{Session: session(nil), Transcript: waiting}},
		{name: "waiting less than the threshold", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true}, t: func(t *Thresholds) { t.NoReplyAfter = 6 * time.Hour }},
		{name: "office hours count", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true, Schedule: london}, says: "handed off 5h ago, no human reply (5h in office hours)"},
		{name: "outside office hours", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true, Schedule: night}},
		{name: "office hours off", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true, Schedule: night}, t: func(t *Thresholds) { t.OfficeHours = false }, says: "5h ago"},
		{name: "unreadable schedule counts the wall clock", in: Input{Session: session(nil), Transcript: waiting, TranscriptComplete: true, Schedule: broken}, says: "wall clock"},
		{name: "no handoff event, time from the handoff events", in: Input{Session: session(nil), Transcript: waiting[2:], TranscriptComplete: true, HandedOffAt: handedOff}, says: "5h ago"},
		{name: "no handoff event nor time", in: Input{Session: session(nil), Transcript: waiting[2:], TranscriptComplete: true}},
		{name: "closed without a reply", in: Input{Session: closedLate, Transcript: waiting, TranscriptComplete: true}, t: func(t *Thresholds) { t.OfficeHours = false }, says: "closed 6h later with no human reply"},
		{name: "not handed off", in: Input{Session: session(func(s *api.Session) { s.Handoff, s.AIClosureType = nil, nil }), Transcript: waiting, TranscriptComplete: true}},
	})
}

func TestBackSoon(t *testing.T) {
	other := func(id string, ago time.Duration, c *api.Contact) api.Session {
		return api.Session{ID: id, Status: api.StatusClosedResolved, Contact: c, CreatedAt: ts(now.Add(-time.Hour - ago)), UpdatedAt: ts(now.Add(-time.Hour - ago/2))}
	}
	byEmail := &api.Contact{ID: "c2", Email: ptr("DANA@example.com ")}
	byPhone := &api.Contact{ID: "c3", PhoneNumber: ptr("+44 (20) 7946-0000")}
	stranger := &api.Contact{ID: "c9", Email: ptr("eve@example.com")}
	runRule(t, BackSoon, []ruleCase{
		{name: "no others", in: Input{Session: session(nil)}},
		{name: "same contact ID 3 days before", in: Input{Session: session(nil), Others: []api.Session{other("aaaaaaaa-1", 72*time.Hour, &api.Contact{ID: "C1"})}}, says: "1 earlier session, the last 3d before (aaaaaaaa)"},
		{name: "same email", in: Input{Session: session(nil), Others: []api.Session{other("bbbbbbbb-1", 24*time.Hour, byEmail)}}, says: "1 earlier session"},
		{name: "same phone", in: Input{Session: session(nil), Others: []api.Session{other("cccccccc-1", 24*time.Hour, byPhone), other("dddddddd-1", 48*time.Hour, byEmail)}}, says: "2 earlier sessions, the last 24h before (cccccccc)"},
		{name: "another contact", in: Input{Session: session(nil), Others: []api.Session{other("eeeeeeee-1", time.Hour, stranger)}}},
		{name: "too long ago", in: Input{Session: session(nil), Others: []api.Session{other("ffffffff-1", 8*24*time.Hour, byEmail)}}},
		{name: "a later session is no return", in: Input{Session: session(nil), Others: []api.Session{other("abababab-1", -30*time.Minute, byEmail)}}},
		{name: "itself listed", in: Input{Session: session(nil), Others: []api.Session{*session(func(s *api.Session) { s.CreatedAt = ts(now.Add(-48 * time.Hour)) })}}},
		{name: "still open is no return", in: Input{Session: session(nil), Others: []api.Session{func() api.Session {
			o := other("aaaaaaaa-1", 24*time.Hour, byEmail)
			o.Status = api.StatusOpen
			return o
		}()}}},
		{name: "closed after this one began", in: Input{Session: session(nil), Others: []api.Session{func() api.Session {
			o := other("aaaaaaaa-1", 24*time.Hour, byEmail)
			o.UpdatedAt = ts(now)
			return o
		}()}}},
		{name: "no contact", in: Input{Session: session(func(s *api.Session) { s.Contact = nil }), Others: []api.Session{other("aaaaaaaa-1", time.Hour, byEmail)}}},
		{name: "no created_at", in: Input{Session: session(func(s *api.Session) { s.CreatedAt = api.Timestamp{} }), Others: []api.Session{other("aaaaaaaa-1", time.Hour, byEmail)}}},
		{name: "window widened", in: Input{Session: session(nil), Others: []api.Session{other("ffffffff-1", 8*24*time.Hour, byEmail)}}, t: func(t *Thresholds) { t.BackWithin = 14 * 24 * time.Hour }, says: "within 14d"},
	})
}

func TestParseRule(t *testing.T) {
	for _, r := range Rules() {
		got, err := ParseRule(" " + strings.ToUpper(string(r)))
		if err != nil || got != r {
			t.Errorf("ParseRule(%q) = %q, %v", r, got, err)
		}
		if r.Label() == string(r) || r.Glyph() == "?" {
			t.Errorf("%s has no label or glyph", r)
		}
	}
	if _, err := ParseRule("no_tickets"); err == nil || !strings.Contains(err.Error(), "known: no_ticket, assumed_angry") {
		t.Errorf("ParseRule(no_tickets) = %v", err)
	}
}

func TestCheckOrderAndNil(t *testing.T) {
	if Check(Input{}, Defaults()) != nil {
		t.Fatal("a nil session tripped a rule")
	}
	s := session(func(s *api.Session) {
		s.TicketingSystem, s.Status, s.Sentiment = nil, api.StatusClosedResolved, ptr(api.SentimentAngry)
	})
	flags := Check(Input{Session: s, Now: now}, Defaults())
	if len(flags) != 2 || flags[0].Rule != NoTicket || flags[1].Rule != ResolvedUnhappy {
		t.Fatalf("Check = %+v, want no_ticket then resolved_unhappy", flags)
	}
}
