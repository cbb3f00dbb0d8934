package demo

// topic is what a session is about, with the texts its transcript and its
// handoff summary are written from. Texts are templates: {placeholders}
// are filled from the session's vars.
type topic struct {
	key   string // as in custom_data.topic
	team  int    // index into teams()
	files []file // what a contact attaches for it

	openers []string // the contact's first message
	more    []string // the contact adding details
	ai      []string // the AI's answers
	agent   []string // a human agent's answers
	notes   []string // internal notes by the agent

	// The three paragraphs of a handoff summary: what the customer reports,
	// what the AI found or did, and the suggested next step.
	report, checked, next []string
}

// file is an attachment a contact may send.
type file struct {
	name, mime       string
	minSize, maxSize int // bytes
}

// topics returns every topic generated sessions are about.
func topics() []topic {
	return []topic{
		{
			key: "billing", team: teamBilling,
			files: []file{{"statement-{date}.png", "image/png", 120_000, 900_000}, {"invoice-{order}.pdf", "application/pdf", 40_000, 160_000}},
			openers: []string{
				"Hi, I was charged {amount} twice for my {plan} renewal on {date}. Card ending {last4}.",
				"Why is there a charge of {amount} on my card? I didn't order anything this month.",
				"My invoice for order {order} shows the wrong VAT amount, can you send a corrected one?",
			},
			more: []string{
				"Both charges are showing as posted, not pending.",
				"I need this sorted before my statement closes.",
				"Can you just tell me which charge you're refunding?",
			},
			ai: []string{
				"I can see two charges of {amount} on the card ending {last4} on {date}. One of them came from an automatic retry, so it is a duplicate.",
				"Thanks, {first}. I've found the payment for order {order}. Let me check whether it was captured or is still an authorization hold.",
				"Authorization holds usually drop off within 3–5 business days. This one was captured, though, so it needs a refund.",
			},
			agent: []string{
				"Hi {first}, I'm {agent} from {team}. I've refunded the duplicate {amount}; you'll see it on your statement within 5–10 business days.",
				"I've sent a corrected invoice for {order} to {email}. Sorry for the confusion.",
			},
			notes: []string{
				"Duplicate confirmed in Stripe: retry after a gateway timeout. Refunded, reference added to {ticket}.",
				"Customer is on {plan}. Checked the account for other duplicates: none.",
			},
			report: []string{
				"{name} reports being charged {amount} twice for the {plan} renewal on {date}, on the card ending {last4}. Both charges have posted.",
				"{name} does not recognise a charge of {amount} on {date} and wants to know what it was for before disputing it with their bank.",
			},
			checked: []string{
				"The AI confirmed in the billing system that the first renewal attempt succeeded and an automatic retry created a second charge. Refunds above $100 need an agent's approval.",
				"The AI matched the charge to order {order} and explained it, but the customer says the order was cancelled the same day; the cancellation is not recorded.",
			},
			next: []string{
				"Suggested next step: refund the duplicate charge and confirm it in writing. The customer mentioned a chargeback, so please reply today.",
				"Suggested next step: check the order's cancellation history and refund if it was cancelled before capture.",
			},
		},
		{
			key: "shipping", team: teamShipping,
			files: []file{{"tracking-screenshot.png", "image/png", 80_000, 600_000}},
			openers: []string{
				"Where is my order {order}? It was supposed to arrive {days} days ago.",
				"Tracking for {order} has said 'label created' for a week. Has it actually shipped?",
				"The {carrier} driver marked my parcel as delivered but nothing is here.",
			},
			more: []string{
				"The tracking number is {tracking}.",
				"I took a day off work to wait for this delivery.",
				"Can you just send it with a different carrier?",
			},
			ai: []string{
				"I've found order {order}: your {product}, shipped with {carrier}, tracking {tracking}. The last scan was {days} days ago at the regional depot.",
				"I'm sorry about the wait, {first}. I've asked {carrier} for an update; they usually answer within one business day.",
				"When a parcel shows as delivered but hasn't arrived, it often turns up with a neighbour within 48 hours. Could you check with your neighbours and look for a card from the driver?",
			},
			agent: []string{
				"Hi {first}, {agent} here from {team}. I've opened a trace with {carrier} and booked a replacement {product} on express shipping at no cost.",
				"The carrier confirmed the parcel is lost. I can refund {amount} now or reship, whichever you prefer.",
			},
			notes: []string{
				"Carrier trace opened with {carrier} for {tracking}. Reship approved by the team lead.",
				"Warehouse says allocated but not dispatched. Chased the shift lead.",
			},
			report: []string{
				"{name} has not received order {order} ({product}), which was due {days} days ago. Tracking {tracking} with {carrier} has not updated since the label was created.",
				"{name} says {carrier} marked order {order} as delivered on {date}, but the parcel never arrived and no neighbour has it.",
			},
			checked: []string{
				"The AI checked the carrier's tracking and the warehouse record: the parcel has no pickup scan, so it most likely never left the warehouse.",
				"The AI asked the customer to check with neighbours and for a delivery card; they had already done both.",
			},
			next: []string{
				"Suggested next step: open a carrier trace and offer an express reshipment or a full refund of {amount}.",
				"Suggested next step: file a lost-parcel claim with {carrier} and reship; the customer prefers a replacement to a refund.",
			},
		},
		{
			key: "login", team: teamAccess,
			files: []file{{"login-error.png", "image/png", 60_000, 400_000}},
			openers: []string{
				"I can't log in. It keeps saying my password is wrong even after I reset it.",
				"The password reset email never arrives. I've checked spam.",
				"I'm stuck in a loop: log in, verify email, back to log in. {device}.",
			},
			more: []string{
				"My email is {email}.",
				"I've tried three different browsers.",
				"I have an order in my basket I need to place today.",
			},
			ai: []string{
				"I'm sorry about that, {first}. I've sent a new password reset link to {email}; it's valid for 30 minutes.",
				"I can see several failed attempts, so the account was locked for 30 minutes for security. It unlocks automatically.",
				"Could you try a private browsing window? Some extensions block the cookie our login needs.",
			},
			agent: []string{
				"Hi {first}, I'm {agent} from {team}. I've unlocked your account and signed out the old sessions. Could you try again now?",
				"Our email provider was bouncing messages to your domain. I've fixed that and resent the link.",
			},
			notes: []string{
				"Account locked after 6 failed attempts. Unlocked manually; suggested turning on 2FA.",
				"Reset emails bounced with 550 from the recipient's server. Reported to the deliverability channel.",
			},
			report: []string{
				"{name} cannot log in: resetting the password did not help, and the account was locked after several failed attempts. Device: {device}.",
				"{name} is not receiving password reset emails at {email}, not even in spam.",
			},
			checked: []string{
				"The AI resent the reset link twice; the email provider's log shows the messages were rejected by the recipient's server.",
				"The AI explained the 30-minute lockout, but the customer needs to place an order today and asked for a manual unlock.",
			},
			next: []string{
				"Suggested next step: unlock the account manually and confirm the customer can log in while still in the chat.",
				"Suggested next step: check the bounce reason, fix it if it is on our side, and send a fresh link.",
			},
		},
		{
			key: "refund", team: teamReturns,
			files: []file{{"return-receipt.pdf", "application/pdf", 30_000, 120_000}, {"return-label-{order}.pdf", "application/pdf", 25_000, 90_000}},
			openers: []string{
				"I returned order {order} two weeks ago and still haven't got my refund.",
				"I'd like a refund for the {product}. It's not what the photos showed.",
				"You refunded me less than I paid for {order}. Where is the rest?",
			},
			more: []string{
				"The return was delivered on {date}, I have the receipt.",
				"I paid with the card ending {last4}.",
				"I don't want store credit, I want the money back on my card.",
			},
			ai: []string{
				"Thanks, {first}. The warehouse received your return of {order} on {date}. Refunds are issued within 5 business days of inspection.",
				"The refund of {amount} was issued to the card ending {last4}. Banks can take up to 10 business days to show it.",
				"The difference is the original shipping cost, which is not refundable for change-of-mind returns under our policy.",
			},
			agent: []string{
				"Hi {first}, {agent} from {team}. I've pushed the refund of {amount} through manually. You'll get a confirmation email in a few minutes.",
				"As a one-off I've also refunded the shipping cost. Sorry it took so long.",
			},
			notes: []string{
				"Return inspected on {date} but the refund job failed (card expired). Refunded to the new card on file instead.",
				"Partial refund was correct per policy; refunded shipping as goodwill.",
			},
			report: []string{
				"{name} returned order {order} ({product}) and the return reached the warehouse on {date}, but no refund has arrived.",
				"{name} received a partial refund for order {order} and disputes the deduction of the original shipping cost.",
			},
			checked: []string{
				"The AI found that the warehouse inspected the return but the automatic refund failed because the original card has expired.",
				"The AI explained the return policy; the customer says the product page promised free returns.",
			},
			next: []string{
				"Suggested next step: issue the refund of {amount} manually to a valid payment method and confirm by email.",
				"Suggested next step: decide whether to refund shipping as goodwill; the customer has ordered from us several times.",
			},
		},
		{
			key: "bug_report", team: teamTech,
			files: []file{{"screenshot.png", "image/png", 90_000, 1_400_000}, {"console-log.txt", "text/plain", 2_000, 48_000}, {"screen-recording.mp4", "video/mp4", 2_000_000, 24_000_000}},
			openers: []string{
				"Checkout fails with '{error}' every time I try to pay.",
				"The app crashes when I open my orders. {device}.",
				"Your website won't let me add the {product} to my basket, the button does nothing.",
			},
			more: []string{
				"It happens on wifi and on mobile data.",
				"Here's a screenshot.",
				"I've cleared the cache and reinstalled already.",
			},
			ai: []string{
				"Thanks for the details, {first}. I can see the error '{error}' in our logs for your account. I'll pass this on to our technical team.",
				"Could you tell me which device and browser you're using? That helps our engineers reproduce it.",
				"While we look into it, you can complete the order on the website, or I can place it for you from here.",
			},
			agent: []string{
				"Hi {first}, I'm {agent} from {team}. Engineering found the bug, a stale price in your basket, and deployed a fix. Could you try again?",
				"I've placed the order for you at the original price. You'll get a confirmation by email.",
			},
			notes: []string{
				"Reproduced on {device}. Filed ENG-{days}41 with logs and the customer's screenshot.",
				"Known issue, fix scheduled for the next release. Linked to the incident.",
			},
			report: []string{
				"{name} cannot complete checkout: the payment step fails with \"{error}\" on {device}.",
				"{name} reports that the app crashes when opening the orders screen ({device}).",
			},
			checked: []string{
				"The AI found matching errors in the logs and suggested the website as a workaround; the customer tried it and it fails there too.",
				"The AI collected the device, app version and a screenshot, which are attached to the ticket.",
			},
			next: []string{
				"Suggested next step: escalate to engineering with the logs and offer to place the order manually at the basket price.",
				"Suggested next step: check whether this matches the open incident and keep the customer updated.",
			},
		},
		{
			key: "cancellation", team: teamRetention,
			openers: []string{
				"I want to cancel my {plan} membership.",
				"Please cancel order {order}, I ordered the wrong size.",
				"How do I cancel? I can't find it anywhere in my account.",
			},
			more: []string{
				"I've been charged for a year I won't use.",
				"It hasn't shipped yet, so it should be easy.",
				"Just cancel it please, I don't need a discount.",
			},
			ai: []string{
				"I can help with that, {first}. Your {plan} renewed on {date}, so you're within the 14-day window for a prorated refund.",
				"Order {order} hasn't left the warehouse yet. I've asked for it to be stopped and will confirm once the warehouse accepts.",
				"I can offer you three months at half price if you'd like to stay. If not, I'll go ahead with the cancellation.",
			},
			agent: []string{
				"Hi {first}, {agent} from {team}. I've cancelled your membership and refunded {amount} for the unused months.",
				"The warehouse stopped the shipment. Order {order} is cancelled and you'll see the refund in 5–10 business days.",
			},
			notes: []string{
				"Declined the retention offer. Cancelled with a prorated refund of {amount}.",
				"Stop-shipment confirmed by the warehouse before pickup.",
			},
			report: []string{
				"{name} wants to cancel {plan}, which renewed on {date}, and asks for a refund of the unused period.",
				"{name} asked to cancel order {order} before it ships; the warehouse has not yet confirmed the stop.",
			},
			checked: []string{
				"The AI offered the retention discount, which the customer declined. Prorated refunds need an agent.",
				"The AI requested a stop-shipment; the warehouse queue shows it as pending.",
			},
			next: []string{
				"Suggested next step: cancel the membership and refund {amount} for the unused months, then confirm in writing.",
				"Suggested next step: confirm the stop-shipment with the warehouse and refund once it is accepted.",
			},
		},
		{
			key: "damaged_item", team: teamReturns,
			files: []file{{"IMG_4821.jpg", "image/jpeg", 1_200_000, 4_800_000}, {"IMG_4822.jpg", "image/jpeg", 1_200_000, 4_800_000}, {"box-damage.heic", "image/heic", 900_000, 3_000_000}},
			openers: []string{
				"My {product} arrived broken. The box was crushed on one side.",
				"The {product} from order {order} has a big scratch across the top.",
				"One of the parts for the {product} is missing, so I can't assemble it.",
			},
			more: []string{
				"I've attached photos of the damage and the box.",
				"I need it for this weekend.",
				"I'd rather have a replacement than a refund.",
			},
			ai: []string{
				"I'm sorry it arrived like that, {first}. Thanks for the photos; they're enough for the claim, you don't need to send anything else.",
				"A replacement {product} is in stock and can ship today. Would you like that, or a refund of {amount}?",
				"You don't need to return the damaged item; the carrier will collect it if they need it for their claim.",
			},
			agent: []string{
				"Hi {first}, {agent} from {team}. The replacement {product} ships today by express. You'll have tracking by email this evening.",
				"The part is on its way separately, and I've added a {amount} credit for the trouble.",
			},
			notes: []string{
				"Damage claim filed with {carrier}. Photos attached. Replacement sent express.",
				"Replacement out of stock in the main warehouse; shipped from the secondary one.",
			},
			report: []string{
				"{name} received the {product} from order {order} damaged in transit and sent photos of the item and the crushed box.",
				"{name} says a part of the {product} (order {order}) is missing, so it cannot be assembled.",
			},
			checked: []string{
				"The AI confirmed the photos show transit damage. The replacement is out of stock in the main warehouse until next month.",
				"The AI offered a refund of {amount}; the customer prefers a replacement before the weekend.",
			},
			next: []string{
				"Suggested next step: check the secondary warehouse for stock, ship a replacement by express and file a damage claim with {carrier}.",
				"Suggested next step: send the missing part by express and consider a goodwill credit.",
			},
		},
		{
			key: "address_change", team: teamShipping,
			openers: []string{
				"I need to change the delivery address for {order}, I'm moving.",
				"I typed the wrong postcode on order {order}!",
				"Can I have my order delivered to my office instead?",
			},
			more: []string{
				"The new address is in the same city.",
				"I don't think it has been dispatched yet.",
				"Please make sure the driver has my phone number.",
			},
			ai: []string{
				"I can update that, {first}. Order {order} hasn't been handed to {carrier} yet, so the address can still change.",
				"The order has already shipped, so I've asked {carrier} to redirect it. They'll confirm within a day.",
				"Could you send me the full new address, including the postcode?",
			},
			agent: []string{
				"Hi {first}, {agent} here. The redirect with {carrier} went through; your {product} will go to the new address.",
				"I've updated the address and added your phone number for the driver.",
			},
			notes: []string{
				"Redirect requested with {carrier}, fee waived.",
				"Address changed in the warehouse system before pick.",
			},
			report: []string{
				"{name} needs order {order} delivered to a different address; the parcel is already with {carrier}.",
				"{name} entered a wrong postcode on order {order} and wants it corrected before dispatch.",
			},
			checked: []string{
				"The AI updated the address on the order, but the carrier had already printed the label with the old one.",
				"The AI asked for the full new address and confirmed it with the customer.",
			},
			next: []string{
				"Suggested next step: request a redirect with {carrier} and confirm with the customer once it is accepted.",
				"Suggested next step: make sure the warehouse label shows the new address before pick.",
			},
		},
	}
}

// topicFor chooses what session id is about, from a hash of the ID, so
// that the generator and the transcript agree without storing it. The demo
// sessions have theirs chosen by hand.
func topicFor(id string, all []topic) topic {
	if key, ok := demoTopics()[id]; ok {
		for _, t := range all {
			if t.key == key {
				return t
			}
		}
	}
	return pick(rngFor(id, "topic"), all)
}

// demoTopics says what each demo session is about, as its fixture tells.
func demoTopics() map[string]string {
	return map[string]string{
		IDAngryHandoff:       "billing",
		IDResolvedEmail:      "refund",
		IDNonLatin:           "shipping",
		IDMinimal:            "address_change",
		IDCustomData:         "billing",
		IDUnknownEnums:       "cancellation",
		IDHostile:            "login",
		IDAssumedResolvedSMS: "shipping",
		IDInstagram:          "address_change",
		IDMessenger:          "damaged_item",
		IDAPI:                "bug_report",
		IDWebVoice:           "address_change",
		IDSlow:               "login",
		IDBadGateway:         "bug_report",
		IDRateLimited:        "refund",
	}
}
