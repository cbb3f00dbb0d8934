package api

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
)

// ValueKind tells how a custom data value was typed in JSON.
type ValueKind int

// Custom data value kinds; Other covers what the contract does not allow
// (objects, arrays) but a beta API might still send.
const (
	KindString ValueKind = iota
	KindNumber
	KindBool
	KindNull
	KindOther
)

// Keys returns the keys in sorted order, so panels are stable between renders.
func (c CustomData) Keys() []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Value returns the value of key as display text and its JSON kind. Numbers
// keep the digits the API sent (no float round trip); strings are unquoted.
func (c CustomData) Value(key string) (string, ValueKind) {
	return FormatValue(c[key])
}

// FormatValue turns one raw JSON value into display text and its kind.
func FormatValue(raw json.RawMessage) (string, ValueKind) {
	b := bytes.TrimSpace(raw)
	if len(b) == 0 {
		return "", KindNull
	}
	switch b[0] {
	case '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return string(b), KindOther
		}
		return s, KindString
	case 't', 'f':
		v, err := strconv.ParseBool(string(b))
		if err != nil {
			return string(b), KindOther
		}
		return strconv.FormatBool(v), KindBool
	case 'n':
		return "", KindNull
	case '{', '[':
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			return string(b), KindOther
		}
		return buf.String(), KindOther
	default:
		return string(b), KindNumber
	}
}
