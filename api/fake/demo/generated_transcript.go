package demo

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// generatedTranscript writes a session's history from its fields and a
// generator seeded from its ID: the same events, IDs and times every time.
// Most sessions get 4–120 events; about one in twenty-five a long one of
// 200–400. The story follows the session: its topic, its contact's name
// and language, a handoff with its summary and an agent if it was handed
// off, a status change if it is closed, a rating if it went well.
func generatedTranscript(e *entry) []event {
	v := e.view
	rng := rngFor(e.key, "history")
	tp := topicFor(e.key, topics())
	created, updated := sessionWindow(e)

	w := who{name: contactName(v)}
	w.first = firstName(w.name)
	if v.Contact != nil && v.Contact.Email != nil {
		w.email = *v.Contact.Email
	}
	assignee := ""
	if v.AssigneeID != nil {
		assignee = *v.AssigneeID
	}
	vs := newVars(e.key, v.Language, w, created, assignee)
	if order, ok := v.CustomData["order_id"].(string); ok && order != "" {
		vs.order = order
	}
	if v.Team != nil {
		vs.team = v.Team.Name
	}
	if v.TicketingSystem != nil {
		vs.ticket = v.TicketingSystem.ExternalID
	}
	sc := newScene(rng, vs.filler(teams()[tp.team].Name), w.name, vs.agent)
	if v.Channel.Type == "web" {
		sc.context, _ = json.Marshal(map[string]string{"page_url": "https://larkspur.example/account/orders/" + vs.order})
	}

	target := 4 + int(116*math.Pow(rng.Float64(), 2))
	if rngFor(e.key, "long").IntN(25) == 0 {
		target = 200 + rng.IntN(201)
	}
	// Nobody exchanges 100 messages in a ten-second call.
	target = min(target, max(4, int(updated.Sub(created).Seconds()/3)))
	handedOff := v.Handoff != nil || v.AIClosureType != nil && *v.AIClosureType == "handed_off"
	angry := v.Sentiment != nil && *v.Sentiment == "angry"
	voice := v.Channel.Type == "phone_voice" || v.Channel.Type == "web_voice"

	// Opening.
	switch {
	case voice:
		sc.fromSystem("Call connected (" + strings.ReplaceAll(v.Channel.Type, "_", " ") + ")")
		sc.fromAI(sc.draw("greeting", greetings()))
	case chance(rng, 0.5):
		sc.fromAI(sc.draw("greeting", greetings()))
	}
	if lines, ok := nativeLines()[primaryLanguage(v.Language)]; ok && chance(rng, 0.6) {
		sc.fromContact(lines[0])
		sc.fromAI(lines[1])
	}
	var files []attachment
	if len(tp.files) > 0 && chance(rng, 0.35) {
		files = append(files, sc.file(pick(rng, tp.files)))
	}
	sc.fromContact(sc.draw("openers", tp.openers), files...)
	sc.fromAI(sc.draw("ai", tp.ai))

	// The AI's part, then the agent's: closing events are kept in reserve.
	reserve := 1
	if handedOff {
		reserve += 5
	}
	aiUntil := target - reserve
	if handedOff {
		aiUntil = len(sc.beats) + (target-reserve-len(sc.beats))*6/10
	}
	for len(sc.beats) < aiUntil {
		exchange(sc, tp, angry, voice, false)
	}
	if handedOff {
		summary := ""
		if v.Handoff != nil {
			summary = v.Handoff.Summary
		} else {
			summary = summaryFor(rng, tp, vs)
		}
		sc.fromAI("I'm connecting you with our {team} team now. I've passed on a summary, so you won't need to repeat yourself.")
		sc.handoff(summary)
		sc.fromSystem("Conversation assigned to {team}")
		if unanswered(e) {
			// Nobody took it up: the contact alone, for cxi's no-reply
			// integrity flag (api/lint) to find.
			for len(sc.beats) < target-1 {
				sc.fromContact(sc.draw("waiting", contactWaiting()))
			}
			return sc.events(created, updated)
		}
		sc.fromSystem("{agent} joined the conversation").pause = 40
		sc.fromAgent(sc.draw("agent", tp.agent))
		sc.note(sc.draw("notes", tp.notes))
		for len(sc.beats) < target-1 {
			exchange(sc, tp, angry, voice, true)
		}
	}

	// Closing.
	if voice {
		d := updated.Sub(created).Round(time.Second)
		sc.fromSystem(fmt.Sprintf("Call ended after %dm%02ds", int(d.Minutes()), int(d.Seconds())%60))
	}
	if v.Status != "" && v.Status != "open" {
		sc.statusChange("open", v.Status)
	}
	happy := v.Sentiment != nil && *v.Sentiment == "happy"
	if v.Status == "closed_resolved" && (happy || chance(rng, 0.3)) {
		score := 3 + rng.IntN(3)
		sc.survey(score, pick(rng, []string{"Quick and friendly, thanks!", "Sorted in the end.", "", "Great help from {agent}."}))
	}
	return sc.events(created, updated)
}

// exchange adds one round of conversation: the contact says something
// (maybe two things, maybe with a file, rarely a long letter), then the AI,
// or the agent once one has joined, answers, sometimes after looking
// something up. Nobody sends files or letters during a call.
func exchange(sc *scene, tp topic, angry, voice, withAgent bool) {
	rng := sc.rng
	contactPool := slices.Concat(tp.more, contactAcks())
	if angry { // twice, to weigh them
		contactPool = slices.Concat(contactPool, contactImpatient(), contactImpatient())
	}
	switch r := rng.Float64(); {
	case r < 0.04 && !voice:
		sc.fromContact(longComplaint())
	case r < 0.1 && !voice && len(tp.files) > 0:
		sc.fromContact(sc.draw("more", tp.more), sc.file(pick(rng, tp.files)))
	default:
		for range 1 + rng.IntN(2) {
			sc.fromContact(sc.draw("contact", contactPool))
		}
	}
	if withAgent {
		switch r := rng.Float64(); {
		case r < 0.04:
			sc.fromAgent(longUpdate())
		case r < 0.12:
			sc.note(sc.draw("notes", tp.notes))
			sc.fromAgent(sc.draw("agentGeneric", agentGeneric()))
		case r < 0.55:
			sc.fromAgent(sc.draw("agent", tp.agent))
		default:
			sc.fromAgent(sc.draw("agentGeneric", agentGeneric()))
		}
		return
	}
	if chance(rng, 0.15) {
		sc.fromSystem(sc.draw("lookups", lookups()))
	}
	switch r := rng.Float64(); {
	case r < 0.04 && !voice:
		sc.fromAI(longPolicy())
	case r < 0.6:
		sc.fromAI(sc.draw("ai", tp.ai))
	default:
		sc.fromAI(sc.draw("aiGeneric", aiGeneric()))
	}
}

// contactName is what a session's contact is called in its transcript: the
// name, else the unverified one, else nothing.
func contactName(v sessionView) string {
	if v.Contact == nil {
		return ""
	}
	if v.Contact.Name != nil && *v.Contact.Name != "" {
		return *v.Contact.Name
	}
	if v.Contact.NonVerifiedName != nil {
		return *v.Contact.NonVerifiedName
	}
	return ""
}

// primaryLanguage returns "pt" for "pt-BR".
func primaryLanguage(tag string) string {
	p, _, _ := strings.Cut(tag, "-")
	return strings.ToLower(p)
}

// unanswered picks the few open sessions handed off without a ticket
// whose handoff no agent took up (about one in two of them, by a
// generator of their own, so the others' histories are as they were).
func unanswered(e *entry) bool {
	v := e.view
	voice := v.Channel.Type == "phone_voice" || v.Channel.Type == "web_voice"
	return v.Status == "open" && v.TicketingSystem == nil && !voice && rngFor(e.key, "unanswered").IntN(2) == 0
}

// contactWaiting is what a contact writes while no agent comes.
func contactWaiting() []string {
	return []string{"Hello? Is anyone there?", "Still waiting for someone from {team}.", "Any update?",
		"It's been hours. Can someone please reply?", "I'll keep this window open."}
}
