package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// MinStoreKeep is the shortest store_keep: a shift's handover must
// survive until the end of the shift.
const MinStoreKeep = time.Hour

// setStore checks store and store_keep.
func (c *Config) setStore(f file, p *problems) {
	at := c.lines.at
	switch f.Store {
	case "", "on":
	case "off":
		c.StoreOff = true
	default:
		p.add(at("store"), `store %q is not "on" or "off"`, f.Store)
	}
	if f.StoreKeep == "" {
		return
	}
	d, err := ParseSpan(f.StoreKeep)
	switch {
	case err != nil:
		p.add(at("store_keep"), `store_keep %q is not a duration such as "30d", "2w" or "12h" (store = "off" keeps nothing)`, f.StoreKeep)
	case d < MinStoreKeep:
		p.add(at("store_keep"), `store_keep %q is shorter than the minimum, %s (store = "off" keeps nothing)`, f.StoreKeep, MinStoreKeep)
	default:
		c.StoreKeep = d
	}
}

// ParseSpan reads a positive span of time as people write one for a
// window: a Go duration ("90m", "8h") or whole days or weeks ("30d", "2w"),
// which time.ParseDuration does not know.
func ParseSpan(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var unit time.Duration
	switch {
	case strings.HasSuffix(s, "d"):
		unit = 24 * time.Hour
	case strings.HasSuffix(s, "w"):
		unit = 7 * 24 * time.Hour
	}
	if unit != 0 {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 64)
		if err != nil || n <= 0 || s[0] == '+' || n > math.MaxInt64/int64(unit) {
			return 0, fmt.Errorf("%q is not a whole number of days or weeks", s)
		}
		return time.Duration(n) * unit, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration", s)
	}
	return d, nil
}
