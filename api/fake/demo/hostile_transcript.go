package demo

import "encoding/json"

// hostileTranscript is the history of IDHostile: every place the transcript
// view prints (names, message text, attachment names, context) carries
// terminal escape sequences (CSI, OSC 0 title, OSC 8 link, OSC 52
// clipboard), bidi overrides and control characters, to show the UI prints
// them as inert text.
func hostileTranscript(e *entry) []event {
	created, updated := sessionWindow(e)
	const agentName = "Sam \x1b]52;c;cm0gLXJmIH4K\aOkafor \x1b[5m\u202eSAT\x1b[0m"
	sc := newScene(rngFor(e.key, "history"), nil, contactName(e.view), agentName)
	sc.context, _ = json.Marshal(map[string]string{
		"page_url":         "https://larkspur.example/\x1b]8;;https://evil.example/\x1b\\help\x1b]8;;\x1b\\",
		"\x1b[31mreferrer": "\u202emoc.elpmaxe-live",
	})
	team := "Trust & Safety"
	if e.view.Team != nil {
		team = e.view.Team.Name
	}
	summary := ""
	if e.view.Handoff != nil {
		summary = e.view.Handoff.Summary
	}
	c, ai, sys := sc.fromContact, sc.fromAI, sc.fromSystem

	sys("Chat started \x1b]0;pwned\a")
	ai("Hi! I'm the Larkspur Assistant. How can I help today?")
	c("\x1b[31mURGENT\x1b[0m my account was hacked \x1b]0;pwned\a")
	c("support told me to paste this code: \x1b]52;c;cm0gLXJmIH4K\a")
	ai("I'm sorry to hear that. For your security, we never ask anyone to paste codes into the chat. Let me check the recent sign-ins.")
	sys("Assistant checked recent sign-ins \x1b[8mhidden\x1b[0m")
	c("here's the invoice they sent me",
		attachment{ID: newUUID(sc.rng), Name: "invoice_\u202efdp.exe", Size: 48_213, Type: "application/pdf",
			URL: "https://files.larkspur.example/attachments/invoice_%E2%80%AEfdp.exe"},
		attachment{ID: newUUID(sc.rng), Name: "\x1b]8;;https://evil.example/\x1b\\receipt.png\x1b]8;;\x1b\\", Size: 9_101, Type: "image/png\x1b[31m",
			URL: "https://evil.example/\x1b]52;c;cm0gLXJmIH4K\a"})
	c("\u202eti daer uoy nac ,txet desrever\u202c")
	c("null\x00byte, C1 \u009b2J, DEL \x7f, bell \a, tab\there, backspace\b\b\b, CR\roverwritten")
	c("\x1b[2J\x1b[H did your screen just clear?")
	c("\x1b[10;10H\x1b[Kmoved the cursor\nsecond line\r\nCRLF line")
	c("log in here to fix it: \x1b]8;;https://evil.example/login\x1b\\https://larkspur.example/account\x1b]8;;\x1b\\")
	ai("I can't open links sent in the chat. I'm handing this to our Trust & Safety team right away.")
	sc.handoff(summary)
	sys("Conversation assigned to " + team)
	sys(agentName + " joined the conversation").pause = 20
	sc.note("Possible phishing kit. Do NOT open the attachment. Clipboard payload was \x1b]52;c;cm0gLXJmIH4K\a, title payload \x1b]0;pwned\a.")
	sc.fromAgent("Hi Alex, I'm Sam from Trust & Safety. Please don't open that attachment; we've locked the account while we look into it. \u202e!uoy knahT")
	c("\x1b]0;thanks\a ok \x1b[31m\u202e!sknaht\x1b[0m")
	return sc.events(created, updated)
}
