package demo

import "strings"

// starTranscript is the history of IDAngryHandoff, scripted to tell the
// story its handoff summary tells: a duplicate renewal charge, dining chairs
// that never left the warehouse, an AI that explains but cannot approve,
// a customer whose patience runs out, the handoff, and a human who takes
// over. It is long (two pages and more) and uses every kind of event the
// transcript view draws for an open session.
func starTranscript(e *entry) []event {
	created, updated := sessionWindow(e)
	sc := newScene(rngFor(e.key, "history"), nil, "Dana Whitfield", "Marcus Oyelaran")
	sc.context = []byte(`{"page_url":"https://larkspur.example/account/orders/LK-2291834","browser":"Safari 17 on macOS"}`)
	summary := ""
	if e.view.Handoff != nil {
		summary = e.view.Handoff.Summary
	}
	c, ai, sys := sc.fromContact, sc.fromAI, sc.fromSystem

	sys("Chat started from larkspur.example/account/orders")
	sys("Returning contact: 2 previous conversations (27 Feb, 3 Mar)")
	ai("Hi Dana! I'm the Larkspur Assistant. How can I help today?")
	c("hi")
	c("I've been charged TWICE for my Plus renewal")
	c("and my chairs still haven't arrived")
	ai("I'm sorry to hear that, Dana. Let's sort out both. To keep your account safe, I'll first send a verification code to the email on your account, d•••@example.com.")
	sys("Verification code sent to d•••@example.com")
	c("fine")
	c("482913")
	sys("Contact verified by email code")
	ai("Thank you, you're verified. Let's start with the renewal. I can see your Larkspur Plus annual plan renewed on 2 March 2026. Which card was charged twice?")
	c("visa ending 4417")
	c("the one I always use")
	sys("Assistant checked payments for customer cus_PbX3k9LmQ2r8Tz")
	ai("Thanks. I can see two charges of $119.00 on the Visa ending 4417, both on 2 March. Let me check whether one of them is only a pending authorization, which would drop off by itself.")
	c("they are NOT pending")
	c("both posted. I'm looking at my statement right now")
	c("here", sc.file(file{"statement-march-2026.png", "image/png", 284_512, 284_512}))
	ai("Thank you for the screenshot, that helps. You're right: both charges have settled.")
	sys("Assistant looked up payment attempts for invoice in_1OqL7x2eZvKYlo2C")
	ai("Here's what happened: the first renewal attempt succeeded, but our payment gateway timed out before confirming it, and an automatic retry charged you a second time. That is a genuine duplicate, and you are owed $119.00.")
	c("great. so refund it")
	ai("I've requested a refund of the duplicate $119.00. Refunds above $100 need approval from our billing team, which usually takes 1–2 business days. I've marked it as a confirmed duplicate so nobody needs to investigate again.")
	c("1-2 business days??")
	c("you took the money instantly")
	c("twice")
	c("on the SAME DAY")
	ai("I understand, and I'm sorry. I'm not able to approve refunds of this size myself, but the request is at the front of the queue. Shall we look at the chairs in the meantime?")
	c("fine")
	c("order LK-2291834. 4 dining chairs. you promised delivery by march 6")
	sys("Assistant looked up order LK-2291834")
	ai("I have the order: four Alder dining chairs in natural oak, ordered on 24 February, with delivery promised by Friday 6 March. The tracking page shows \"label created\" on 3 March.")
	ai("Before anything else: is the delivery address still 1418 Alder Lane, Portland, OR 97214?")
	c("yes. same as always")
	ai("Thanks, that's what the order has too, so the address isn't the problem.")
	c("I know the address isn't the problem")
	c("it has said label created for NINE DAYS")
	c("I called on 27 feb. and again on 3 march. both times someone told me the carrier would update within 48 hours")
	sys("Assistant read the contact's last 2 conversations")
	ai("I can see both previous contacts on your account, and I'm sorry you were told the same thing twice without a result. Let me check with the carrier directly rather than the tracking page.")
	sys("Assistant queried UPS tracking for 1Z84A2E90392817734")
	c("hello??")
	ai("Still here, sorry for the wait. The carrier has no pickup scan for this parcel: the label was printed on 3 March, but the parcel was never handed over to them.")
	sys("Assistant checked warehouse status for order LK-2291834")
	ai("Our warehouse lists the chairs as allocated to your order but not dispatched. So the delay is on our side, not the carrier's.")
	c("so they were never even sent")
	c("unbelievable")
	c("nine days")
	c("and twice you told me to wait 48 hours for a carrier that never had them")
	ai("That's what the records show, and I'm sorry. You should have been told the truth the first time.")
	ai("As an apology for the trouble, I can offer you a 15% voucher on your next order while we get the chairs moving.")
	c("I don't want a voucher")
	c("I want the chairs I paid for and my $119 back")
	c("do you know how many times I've had to explain this")
	c("hold on. I'm going to paste what your colleagues told me before")
	ai("Of course, take your time.")
	c(starPastedEmails())
	ai("Thank you for pasting these, Dana. I can see why you feel let down: both replies promised an update that never came, and neither checked the warehouse.")
	c("and here's the order confirmation with the delivery date you promised",
		sc.file(file{"order-confirmation-LK-2291834.pdf", "application/pdf", 96_233, 96_233}))
	c("and the tracking page as of this morning",
		sc.file(file{"tracking-label-created.png", "image/png", 151_880, 151_880}))
	ai("Got it. The confirmation does say \"Delivery by Fri 6 March\", and we have missed it by a week so far.")
	c("and while you're at it")
	c("my sister ordered the same chairs on the 1st and got them on the 4th")
	c("so don't tell me it's a stock problem")
	sys("Assistant checked stock for SKU ALD-CHR-NAT-4")
	ai("You're right, it isn't stock: the chairs are in the warehouse and allocated to your order. The order seems to have missed the pickup on 3 March, and nothing flagged it afterwards.")
	c("\"seems to\"")
	c("so nobody even noticed")
	ai("I'm afraid not, and I'm sorry. I've flagged the order so that it can't be missed again.")
	c("so what are you going to DO about it")
	ai("Here's what I can do right now: ask the warehouse to dispatch the chairs today by express at no cost, and send you the new tracking as soon as there is a pickup scan. Would you like me to do that?")
	ai("If you'd rather not wait any longer, I can also refund the chairs in full instead.")
	c("I WANT THE CHAIRS")
	c("today? you said that before")
	c("how do I know they'll actually go out today")
	ai("That's a fair question. I can't promise a pickup time myself; I can only raise the request with the warehouse. A person from our team can confirm it with them directly.")
	c("no")
	c("I've been lied to three times")
	c("I'm done with this")
	c("I want to cancel Plus. all of it")
	c("I'm paying $119 a year for \"priority delivery\" and this is what I get")
	sys("Assistant looked up membership for customer cus_PbX3k9LmQ2r8Tz")
	ai("I can help with the cancellation. Your Larkspur Plus membership renewed on 2 March, so you're within the 14-day window for a prorated refund. Before I go ahead, would you like to keep free delivery until your chairs arrive?")
	c("no. just cancel it")
	ai("Understood.")
	c("and refund the duplicate TODAY")
	c("or I'm filing a chargeback with my bank. I mean it")
	ai("I understand. A cancellation with a prorated refund, and a same-day refund above $100, both need approval from our Billing & Refunds team.")
	c("then get me someone who can approve it")
	c("a real human. now.")
	c("please")
	ai("Of course. I'm handing this conversation to our Billing & Refunds team now, with a summary of everything above so you won't need to repeat yourself.")
	sc.handoff(summary)
	sys("Conversation assigned to Billing & Refunds · Zendesk ticket ZD-884213 linked")
	sys("Waiting for an agent · 2 people ahead of you")
	c("how long is this going to take")
	ai("The current wait is about 3 minutes. I'll stay here with you until someone joins.")
	c("ok")
	sys("Waiting for an agent · 1 person ahead of you")
	c("still waiting")
	sys("Marcus Oyelaran joined the conversation").pause = 30
	sc.note("Read the whole thread. Duplicate confirmed in Stripe (pi_3OqL8k2eZvKYlo2C1x9Tq4Rd): approving the $119 refund myself now, no queue. Chargeback threatened, so reply fast and no more vouchers. Pinged the warehouse lead about LK-2291834.")
	sc.fromAgent("Hi Dana, I'm Marcus from Billing & Refunds. I've read everything above, so there's no need to repeat any of it. I'm refunding the duplicate $119.00 right now, and I'll stay with you until the chairs are sorted.")
	return sc.events(created, updated)
}

// starPastedEmails is the star's longest message: the two earlier replies
// she was given, pasted in, and what she thinks of them.
func starPastedEmails() string {
	return strings.Join([]string{
		"Let me paste what your colleagues told me, so we're all clear:",
		"---------- 27 February ----------\nHi Dana, thanks for reaching out! I've checked your order LK-2291834 and I can see the shipping label has been created. Sometimes it takes the carrier a little while to update their tracking, so please allow 48 hours for the status to change. If you haven't seen an update by then, just let us know! Have a lovely day, Jess",
		"---------- 3 March ----------\nHello Dana, I'm sorry to hear your chairs haven't arrived yet. I've looked into this and the label has been created, which means your order is ready and waiting for the carrier. The carrier should update the tracking within 48 hours. We appreciate your patience! Kind regards, Tomás",
		"Both of them said 48 hours. It has now been nine days since the label was created, and today you're telling me the parcel was never even picked up. Did anybody actually check, either time? Or is \"48 hours\" just what you say to get people off the chat?",
		"I have been a Plus member for two years. I have ordered 14 times. I have recommended you to my sister and to two friends who both ordered sofas. I am not someone who complains for fun. But I have taken two afternoons off work to wait for a delivery that was never coming, and now I find out I've been charged twice for the membership that is supposed to make delivery faster.",
		"And before you suggest it again: I don't want 15% off my next order. There won't be a next order if this is how it goes. I want three things: the $119 you took twice, the chairs I paid for on 24 February, and someone to explain why nobody looked into this the first two times I asked.",
	}, "\n\n")
}
