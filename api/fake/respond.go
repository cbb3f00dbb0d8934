package fake

import (
	"context"
	"encoding/json"
	"net/http"
	"net/textproto"
	"strconv"
	"time"
)

// jsonContentType is what the API sends with every JSON body.
const jsonContentType = "application/json; charset=utf-8"

// errorDto is the API's error body: {statusCode, message, error}.
type errorDto struct {
	StatusCode int    `json:"statusCode"`
	Message    string `json:"message"`
	Error      string `json:"error"`
}

// writeError answers status with an ErrorDto whose error field is the
// status text, as the API's NestJS exception filter does.
func writeError(w http.ResponseWriter, status int, message string) {
	a := errorAnswer(status, message)
	writeJSON(w, a.status, a.body)
}

// writeJSON answers status with a JSON body.
func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body) // a client that hung up is not our problem
}

// answer is what an endpoint would send without a fault: a status and a
// JSON body (the page, the session, or an ErrorDto).
type answer struct {
	status int
	body   []byte
}

// errorAnswer is an ErrorDto answer, as writeError would send it.
func errorAnswer(status int, message string) answer {
	body, err := json.Marshal(errorDto{StatusCode: status, Message: message, Error: http.StatusText(status)})
	if err != nil {
		// Marshalling a struct of ints and strings cannot fail.
		panic(err)
	}
	return answer{status, body}
}

// sessionAnswer is the answer to GET /chat/sessions/{id}: e's body, or 404
// when e is nil.
func sessionAnswer(e *entry) answer {
	if e == nil {
		return errorAnswer(http.StatusNotFound, "Chat session not found")
	}
	return answer{http.StatusOK, e.body}
}

// serveFault answers a request with a fault: after the delay (or never),
// with the fault's status, headers and body, cut short if asked. A fault
// without its own status and body sends the normal answer instead; an error
// answer (404, 400) is then sent plainly, without the fault's headers or cut.
func serveFault(w http.ResponseWriter, r *http.Request, f Fault, normal answer) {
	if !wait(r.Context(), f) {
		abort(w)
		return
	}
	status, body, ctype := f.Status, []byte(f.Body), f.ContentType
	if status == 0 {
		status = http.StatusOK
	}
	if f.Status == 0 && f.Body == "" {
		if normal.status < 200 || normal.status > 299 {
			writeJSON(w, normal.status, normal.body)
			return
		}
		// A write answers 201, or 200 without a body (and so without a
		// Content-Type).
		status, body, ctype = normal.status, normal.body, jsonContentType
		if len(body) == 0 {
			ctype = ""
		}
	}

	h := w.Header()
	if ctype != "" {
		h.Set("Content-Type", ctype)
	} else {
		h["Content-Type"] = nil // no header, and no sniffing either
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	for name, values := range f.Header {
		h[textproto.CanonicalMIMEHeaderKey(name)] = values
	}
	w.WriteHeader(status)

	if f.TruncateAt > 0 {
		_, _ = w.Write(body[:min(f.TruncateAt, len(body))])
		// Push the partial body out before dropping the connection, or it
		// would die in the server's buffer and the client would see no body.
		_ = http.NewResponseController(w).Flush()
		abort(w)
		return
	}
	_, _ = w.Write(body)
}

// wait blocks for the fault's delay, or forever if it hangs, and reports
// false if ctx was cancelled first, so no goroutine outlives its request.
func wait(ctx context.Context, f Fault) bool {
	switch {
	case f.Hang:
		<-ctx.Done()
		return false
	case f.Delay > 0:
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
			return true
		case <-ctx.Done():
			return false
		}
	default:
		return ctx.Err() == nil
	}
}

// abort drops the connection under w without finishing the response, so the
// client sees a broken connection rather than a well-formed answer. A
// ResponseWriter that cannot be hijacked (httptest.ResponseRecorder) is left
// as it is: the recorder then holds whatever was written.
func abort(w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	_ = buf.Flush()
	_ = conn.Close()
}
