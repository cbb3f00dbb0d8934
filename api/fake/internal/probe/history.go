package probe

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// HistoryItem is a history item as the tests read it.
type HistoryItem struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Event     struct {
		Type   string `json:"type"`
		Sender struct {
			Type string `json:"type"`
			Name string `json:"name"`
		} `json:"sender"`
		Content struct {
			Type  string `json:"type"`
			Text  string `json:"text"`
			Score int    `json:"score"`
		} `json:"content"`
		Attachments []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
			Size int    `json:"size"`
			Type string `json:"type"`
			URL  string `json:"url"`
		} `json:"attachments"`
		Context json.RawMessage `json:"context"`
	} `json:"event"`
}

// History pages through a session's history and decodes it.
func History(t testing.TB, h http.Handler, id string) []HistoryItem {
	t.Helper()
	raw, _ := Walk(t, h, "/chat/sessions/"+id+"/history", nil)
	out := make([]HistoryItem, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &out[i]); err != nil {
			t.Fatalf("%s: event %d: %v", id, i, err)
		}
	}
	return out
}
