package api

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strconv"
	"strings"
)

// Number is a JSON value the contract types as a number (ticket_number),
// kept as the literal the API sent. The contract allows a float, and an
// integer past 2^53 (9007199254740993) loses its last digits in a float64,
// so the digits are kept, not a float. A value of another type (the
// string "4471") is kept too and reports itself as not a number: the API
// is a beta, and one mistyped field is shown as sent, as an unknown enum
// value is, rather than failing the whole session.
type Number struct {
	raw json.RawMessage // exactly as sent; never empty once decoded
}

// NumberOf is the number f as the API would send it, for tests and fakes.
func NumberOf(f float64) Number {
	return Number{raw: json.RawMessage(strconv.FormatFloat(f, 'f', -1, 64))}
}

// ParseNumber is a Number from a JSON literal, checked to be JSON.
func ParseNumber(literal string) (Number, error) {
	var n Number
	return n, n.UnmarshalJSON([]byte(literal))
}

// UnmarshalJSON keeps any JSON value as sent. A null never reaches it
// (encoding/json sets a *Number to nil).
func (n *Number) UnmarshalJSON(b []byte) error {
	if !json.Valid(b) {
		return &json.SyntaxError{Offset: 0}
	}
	n.raw = append(json.RawMessage(nil), bytes.TrimSpace(b)...)
	return nil
}

// MarshalJSON writes the value back as it was sent: digits unchanged, a
// string still a string.
func (n Number) MarshalJSON() ([]byte, error) {
	if len(n.raw) == 0 {
		return []byte("null"), nil
	}
	return n.raw, nil
}

// IsNumber reports whether the API sent a JSON number.
func (n Number) IsNumber() bool {
	_, kind := FormatValue(n.raw)
	return kind == KindNumber
}

// String is the value as display text: a number's digits as sent
// (1042.5, 9007199254740993, 1e21), a string's text unquoted, anything
// else as compact JSON. Not yet sanitized.
func (n Number) String() string {
	s, _ := FormatValue(n.raw)
	return s
}

// Key is the number in one canonical decimal form, for matching a
// reference typed by a person: 00012345 and 12345 share a key, 1042.50 and
// 1042.5 too, 1e21 is 1000000000000000000000, and no two integers past
// 2^53 share one. A value sent as a string counts by the text it holds
// ("4471" is found by #4471). "" when the value does not read as a number.
func (n Number) Key() string {
	k, _ := NumberKey(n.String())
	return k
}

// Equal reports whether ref names this number, compared by Key.
func (n Number) Equal(ref string) bool {
	k, ok := NumberKey(ref)
	return ok && k == n.Key()
}

// NumberKey is text read as a decimal number in Number.Key's canonical
// form; ok is false when it is not one.
func NumberKey(text string) (key string, ok bool) {
	text = strings.TrimSpace(text)
	if !decimal(text) {
		return "", false
	}
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		return "", false
	}
	if r.IsInt() {
		return r.Num().String(), true
	}
	// A decimal literal has a finite expansion: the fewest digits that read
	// back to the same value.
	for prec := 1; prec <= 1000; prec++ {
		s := r.FloatString(prec)
		if back, ok := new(big.Rat).SetString(s); ok && back.Cmp(r) == 0 {
			return s, true
		}
	}
	return "", false
}

// maxExponent bounds a number's exponent before big.Rat expands it: a key
// for 1e999999999 would be a billion digits.
const maxExponent = 400

// decimal reports whether text is a plain decimal number, optionally signed
// and with an exponent of at most maxExponent: big.Rat also reads
// fractions ("1/2") and base prefixes ("0x1F"), which no ticket number is.
func decimal(text string) bool {
	mantissa, exp, hasExp := strings.Cut(strings.ToLower(text), "e")
	if mantissa != "" && (mantissa[0] == '+' || mantissa[0] == '-') {
		mantissa = mantissa[1:]
	}
	if mantissa == "" || strings.Count(mantissa, ".") > 1 || strings.Trim(mantissa, "0123456789.") != "" || mantissa == "." {
		return false
	}
	if !hasExp {
		return true
	}
	e, err := strconv.Atoi(exp)
	return err == nil && e >= -maxExponent && e <= maxExponent
}
