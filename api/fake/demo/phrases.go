package demo

import "strings"

// Texts any topic's transcript can use. Like the topics', they are
// templates filled from the session's vars.

// contactAcks are short replies from a contact.
func contactAcks() []string {
	return []string{
		"ok", "Thanks.", "thank you!", "ok, one sec", "Yes.", "No, that's not it.", "That's right.",
		"Sure", "👍", "Perfect, thanks", "hmm ok", "Yes please", "I already told you that.",
	}
}

// contactImpatient are what an angry contact adds.
func contactImpatient() []string {
	return []string{
		"Hello??", "This is the third time I'm contacting you about this.", "I want to speak to a real person.",
		"Are you even reading what I write?", "Unbelievable.", "I've been waiting {days} days.",
		"If this isn't fixed today I'm disputing the charge with my bank.", "Why is this so hard",
	}
}

// aiGeneric are answers of the AI that fit any topic.
func aiGeneric() []string {
	return []string{
		"Thanks, {first}. One moment while I check.",
		"I understand, and I'm sorry for the trouble.",
		"Could you confirm the email address on your account?",
		"I've added that to your case so nobody will ask you again.",
		"Got it. Is there anything else I should know?",
		"Is there anything else I can help you with today?",
	}
}

// agentGeneric are answers of a human agent that fit any topic.
func agentGeneric() []string {
	return []string{
		"Thanks for waiting, {first}. I've read the conversation so far, no need to repeat anything.",
		"Let me check that with my team lead, one moment.",
		"Is there anything else I can do for you today?",
		"You're welcome. Have a good rest of your day!",
		"I've updated {ticket} so you'll get every change by email.",
	}
}

// lookups are the AI's tool calls, shown as system events.
func lookups() []string {
	return []string{
		"Assistant looked up order {order}",
		"Assistant checked payments on the card ending {last4}",
		"Assistant queried {carrier} tracking for {tracking}",
		"Assistant searched the help center",
		"Assistant read the contact's last 3 conversations",
	}
}

// greetings are how the AI opens a chat it starts.
func greetings() []string {
	return []string{
		"Hi {first}! I'm the Larkspur Assistant. How can I help today?",
		"Hello {first}, thanks for reaching out. What can I do for you?",
	}
}

// nativeLines are an opener and the AI's acknowledgement in the contact's
// language, keyed by the primary language subtag: the transcript view must
// wrap every script.
func nativeLines() map[string][2]string {
	return map[string][2]string{
		"ja": {"こんにちは。注文 {order} について問題があります。助けていただけますか？", "お問い合わせありがとうございます。確認しますので少々お待ちください。"},
		"ar": {"مرحبًا، لدي مشكلة في طلبي {order}. هل يمكنكم مساعدتي؟", "شكرًا لتواصلك معنا. دعني أتحقق من ذلك."},
		"ru": {"Здравствуйте! У меня проблема с заказом {order}. Можете помочь?", "Спасибо, что написали. Сейчас проверю."},
		"uk": {"Добрий день! У мене проблема із замовленням {order}.", "Дякую за звернення. Зараз перевірю."},
		"el": {"Γεια σας, έχω ένα πρόβλημα με την παραγγελία {order}. Μπορείτε να βοηθήσετε;", "Ευχαριστούμε που επικοινωνήσατε. Ελέγχω αμέσως."},
		"hi": {"नमस्ते, मेरे ऑर्डर {order} में समस्या है। क्या आप मदद कर सकते हैं?", "संपर्क करने के लिए धन्यवाद। मैं अभी जाँच करता हूँ।"},
		"ko": {"안녕하세요, 주문 {order}에 문제가 있어요.", "문의해 주셔서 감사합니다. 바로 확인해 드릴게요."},
		"zh": {"你好，我的订单 {order} 有问题，能帮我看一下吗？", "感谢您的联系，我马上为您查询。"},
		"es": {"Hola, tengo un problema con mi pedido {order}.", "Gracias por escribirnos. Lo reviso ahora mismo."},
		"de": {"Hallo, ich habe ein Problem mit meiner Bestellung {order}.", "Danke für Ihre Nachricht. Ich sehe sofort nach."},
		"fr": {"Bonjour, j'ai un problème avec ma commande {order}.", "Merci pour votre message. Je vérifie tout de suite."},
		"pt": {"Olá, tenho um problema com a minha encomenda {order}.", "Obrigado pelo contacto. Vou verificar já."},
	}
}

// Long messages (over 1500 characters once filled), because the transcript
// view must wrap and scroll a message taller than the screen.

// longComplaint is a contact writing everything at once, as people do by
// email.
func longComplaint() string {
	return strings.Join([]string{
		"Hello,",
		"I am writing because I have now spent the better part of {days} days trying to get a straight answer about order {order}, and every time I contact you I seem to start from zero. I ordered the {product} on {date}. At checkout the site promised delivery within five working days, which is the only reason I ordered from you rather than from the shop down the road, because I needed it for a family visit.",
		"Since then I have received three automatic emails telling me my order is \"on its way\", a tracking number ({tracking}) that has not changed status once, and a text message asking me to rate my delivery experience, which I found almost funny. When I called, I was told that {carrier} would update the tracking within 48 hours. When I wrote in the chat the next day, I was told the same thing, word for word. Nobody has been able to tell me whether the parcel has actually left your warehouse.",
		"I also noticed that I was charged {amount} on the card ending {last4} on the day I ordered, not on dispatch as your terms say. I do not mind paying for things I receive. I do mind paying for things that may not exist.",
		"So, to be completely clear about what I am asking for: either you tell me today, with an actual date, when the {product} will be delivered, or you cancel the order and refund the full {amount} to my card. I do not want a voucher, store credit or a discount on a future order, and I would rather not have to explain all of this a fourth time.",
		"Thank you for reading this far{sign}",
	}, "\n\n")
}

// longPolicy is the AI quoting policy at length.
func longPolicy() string {
	return strings.Join([]string{
		"Here is how returns and refunds work at Larkspur, so you have everything in one place:",
		"1. Returns window. You can return most items within 30 days of delivery. Furniture and large items can be returned within 14 days if they are unassembled and in their original packaging; we arrange the collection for you. Made-to-order pieces, mattresses that have been unwrapped and gift cards cannot be returned unless they are faulty.",
		"2. Refund amount. For a change-of-mind return we refund the full price of the item. The original delivery charge is refunded only if you return the whole order. Collection of large items costs a flat fee, which we deduct from the refund; for faulty or damaged items there is no fee and we refund delivery too.",
		"3. Timing. Once the warehouse receives your return, it is inspected within 3 business days and the refund is issued the same day to the original payment method. Your bank may take a further 5 to 10 business days to show it, depending on the card issuer. If your original card has expired or been replaced, the refund normally still reaches the new card; if it bounces, we contact you for another payment method.",
		"4. Damaged or faulty items. Please send photos within 7 days of delivery. We will offer a replacement, a repair or a full refund, whichever you prefer, and you do not need to send the item back unless the carrier asks for it for their claim.",
		"For order {order}, the refund of {amount} would go back to the card ending {last4}. Would you like me to start the return?",
	}, "\n\n")
}

// longUpdate is an agent's wrap-up of everything done.
func longUpdate() string {
	return strings.Join([]string{
		"Hi {first}, here is a summary of everything I have done today, so you have it in writing:",
		"First, the money. I have refunded {amount} to the card ending {last4}. The refund left our payment provider a few minutes ago, and you should receive an email confirmation with the reference number shortly. Most banks show it within 5 business days; if yours has not after 10, reply to this conversation with the reference and I will chase it with the payment provider myself.",
		"Second, the order. I spoke to the warehouse about {order}. The {product} was picked but never handed over to {carrier}, which is why the tracking ({tracking}) never moved. The warehouse has now re-labelled it and it leaves on the next collection with express delivery, at no charge. You will get a new tracking link by email tonight.",
		"Third, the account. I have added a note to your profile describing what happened, so that if you ever contact us again, whoever picks it up sees the whole story straight away. I have also linked this conversation to {ticket}, which stays open until the parcel is delivered; I will close it myself once I see the delivery scan.",
		"I am sorry this took several conversations to sort out. That is not the experience we want anyone to have, and I have passed your feedback about the repeated \"48 hours\" answers to the team lead.",
		"Best,\n{agent}, {team}",
	}, "\n\n")
}
