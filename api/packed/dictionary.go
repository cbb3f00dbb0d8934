package packed

// dictionaryV1 is what session bodies repeat, written by hand from the
// contract (GetChatSessionOutput and the list item): not any customer's
// data. Deflate finds a match more cheaply near the end of its window, so
// what nearly every body holds comes last. Frozen: see the package comment.
const dictionaryV1 = `` +
	`{"name":"dynamics365","name":"freshchat","name":"freshdesk","name":"freshdesk_ticketing",` +
	`"name":"front","name":"gorgias","name":"hubspot","name":"infobip","name":"intercom",` +
	`"name":"salesforce_v2","name":"salesforce","name":"twilio_flex","name":"zendesk_v2","name":"zendesk",` +
	`"id_type":"conversation_sid","id_type":"conversation_id","id_type":"case_id","id_type":"ticket_id",` +
	`"ticketing_system":{"name":"","external_id":"","id_type":""},` +
	`"team":{"id":"","name":"Billing","description":null},"team":{"id":"","name":"Support","description":""},` +
	`"handoff":{"sentiment":"angry","summary":"The customer "},"handoff":{"sentiment":"neutral","summary":"The user "},` +
	`"handoff":{"sentiment":"happy","summary":"Customer wants to "},"handoff":null,` +
	`"channel":{"type":"phone_voice"},"channel":{"type":"web_voice"},"channel":{"type":"messenger"},` +
	`"channel":{"type":"whatsapp"},"channel":{"type":"instagram"},"channel":{"type":"slack"},` +
	`"channel":{"type":"sms"},"channel":{"type":"api"},"channel":{"type":"email"},"channel":{"type":"web"},` +
	`"language":"en","language":"es","language":"fr","language":"de","language":"ar","language":null,` +
	`"custom_data":{"order_id":"","topic":"","plan":"","country":""},"custom_data":{},` +
	`"assignee_id":null,"assignee_id":"` +
	`"ai_closure_type":"assumed_resolved","ai_closure_type":"resolved","ai_closure_type":"handed_off",` +
	`"status":"closed_unresolved","status":"closed_resolved",` +
	`"sentiment":"happy","sentiment":"angry","sentiment":"neutral",` +
	`@gmail.com","phone_number":"+1 ","phone_number":"+44 7700 900` +
	`"contact":{"id":"00000000-0000-4000-8000-000000000000","email":"","phone_number":null,"name":"",` +
	`"custom_data":null,"created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-12-01T00:00:00.000Z",` +
	`"non_verified_name":null,"non_verified_email":null,"non_verified_custom_data":null},` +
	`"ticket_number":1,"assist_mode":false,"assist_mode":true,` +
	`"created_at":"2026-12-07T00:00:00.000Z","updated_at":"2026-12-07T00:00:00.000Z"}` +
	`{"id":"00000000-0000-4000-8000-000000000000","status":"open","ai_closure_type":null,"sentiment":null,` +
	`"channel":{"type":"web"},"contact":{"id":"","email":"","phone_number":"","name":"","custom_data":null,` +
	`"created_at":"2026-12-07T00:00:00.000Z","updated_at":"2026-12-07T00:00:00.000Z",` +
	`"non_verified_name":null,"non_verified_email":null,"non_verified_custom_data":null},` +
	`"language":"en","assignee_id":null,"custom_data":{},"team":null,"handoff":null,"ticketing_system":null,` +
	`"ticket_number":null,"assist_mode":false,"created_at":"2026-12-07T00:00:00.000Z","updated_at":"2026-12-07T00:00:00.000Z"}`
