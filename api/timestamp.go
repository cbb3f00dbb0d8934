package api

import (
	"encoding/json"
	"time"
)

// Timestamp is a date-time as the API sent it. A value that does not parse
// as RFC 3339 keeps its text in Raw instead of failing the whole session:
// one odd timestamp should not hide everything else a support lead needs.
type Timestamp struct {
	Raw  string
	Time time.Time // zero when Raw is empty or did not parse
}

// UnmarshalJSON accepts a string (parsed when it is RFC 3339) or null.
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*t = Timestamp{}
	if s == nil {
		return nil
	}
	t.Raw = *s
	if parsed, err := time.Parse(time.RFC3339Nano, *s); err == nil {
		t.Time = parsed
	}
	return nil
}

// MarshalJSON writes the text as received, so re-encoding is lossless.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.Raw == "" {
		return []byte("null"), nil
	}
	return json.Marshal(t.Raw)
}

// Valid reports whether the text parsed as a date-time.
func (t Timestamp) Valid() bool { return !t.Time.IsZero() }
