package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// StatusChange is the body of PATCH /chat/sessions/{id}: the new status
// and the two options the API offers with it.
type StatusChange struct {
	Status Status `json:"status"`
	// GenerateSummary analyses the session and writes a summary and
	// sentiment; only with a closing status.
	GenerateSummary bool `json:"generate_summary_and_sentiment_on_resolve,omitempty"`
	// ReflectInHelpdesk mirrors the change into the connected helpdesk
	// (Zendesk, Salesforce, …).
	ReflectInHelpdesk bool `json:"reflect_status_change_for_integration,omitempty"`
}

// SetStatus changes a session's status. The API answers no body (any 2xx,
// with a body or without, is success): read the session again to see the
// result, with ReadConfirmation.
func (c *Client) SetStatus(ctx context.Context, id string, ch StatusChange) error {
	return c.do(ctx, http.MethodPatch, "change the status of "+ShortID(id), "/chat/sessions/"+url.PathEscape(id), ch, nil)
}

// Redaction is the API's answer to a redaction.
type Redaction struct {
	Success          bool    `json:"success"`
	Message          string  `json:"message"`
	ItemID           string  `json:"itemId"`
	Type             string  `json:"redactionType"` // "message" or "session"
	Affected         float64 `json:"affectedCount"`
	MessagesRedacted float64 `json:"messagesRedacted"`
}

// RedactSession redacts every message of a session, attachments included.
// It is permanent. An answer of "success": false is an error
// (ErrNotRedacted).
func (c *Client) RedactSession(ctx context.Context, id, reason string) (*Redaction, error) {
	body := struct {
		SessionID string `json:"sessionId"`
		Reason    string `json:"reason,omitempty"`
	}{id, reason}
	return c.postRedaction(ctx, "redact session "+ShortID(id), "/redaction/session", body)
}

// RedactMessage redacts one message of a session's history (its event ID).
// It is permanent. An answer of "success": false is an error
// (ErrNotRedacted).
func (c *Client) RedactMessage(ctx context.Context, messageID, reason string) (*Redaction, error) {
	if strings.TrimSpace(messageID) == "" {
		// The contract requires it, and an empty one would leave the API
		// to guess; the views offer the whole session for such a message.
		return nil, &Error{Kind: KindUnknown, Op: "redact message", BaseURL: c.BaseURL(), Err: errors.New("no message id: the history gave this message none, so it cannot be redacted alone")}
	}
	body := struct {
		MessageID string `json:"messageId"`
		Reason    string `json:"reason,omitempty"`
	}{messageID, reason}
	return c.postRedaction(ctx, "redact message "+messageID, "/redaction/message", body)
}

// ErrNotRedacted is a redaction the API answered with "success": false:
// an answer that is not an HTTP error, yet nothing was redacted.
var ErrNotRedacted = errors.New("the API answered that it did not redact")

// ErrRedactionUnknown is a redaction the API accepted (any 2xx: the pages
// disagree between 200 and 201) without saying whether it redacted: an
// empty body, or one without "success". It was sent; what came of it is
// not known, so it is neither a success nor ErrNotRedacted.
var ErrRedactionUnknown = errors.New("whether anything was redacted is not known")

// postRedaction sends one redaction. An answer of "success": false is
// made an error here, once, so that no caller reads it as done: an *Error
// whose cause is ErrNotRedacted with the API's message, cut to one line
// and without the key, as an error body's message is. An answer that
// does not say is an *Error of KindDecode whose cause is
// ErrRedactionUnknown.
func (c *Client) postRedaction(ctx context.Context, op, path string, body any) (*Redaction, error) {
	// Success as a pointer, shadowing Redaction's: an answer without it
	// must not read as "success": false.
	var got struct {
		Redaction
		Success *bool `json:"success"`
	}
	unknown := func(why string) error {
		return &Error{Kind: KindDecode, Op: op, BaseURL: c.BaseURL(), Err: fmt.Errorf("%s, so %w", why, ErrRedactionUnknown)}
	}
	if err := c.do(ctx, http.MethodPost, op, path, body, &got); err != nil {
		if errors.Is(err, errEmptyBody) {
			return nil, unknown("the API accepted it with an empty body")
		}
		return nil, err
	}
	if got.Success == nil {
		return nil, unknown(`the API accepted it with an answer that has no "success"`)
	}
	r := got.Redaction
	r.Success = *got.Success
	if !r.Success {
		msg, cause := oneLine(ScrubKey(r.Message, c.key)), ErrNotRedacted
		if msg != "" {
			cause = fmt.Errorf("%w: %s", ErrNotRedacted, msg)
		}
		return nil, &Error{Kind: KindUnknown, Op: op, BaseURL: c.BaseURL(), Message: msg, Err: cause}
	}
	return &r, nil
}
