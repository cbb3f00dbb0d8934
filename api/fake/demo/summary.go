package demo

import (
	"math/rand/v2"
	"strings"
)

// summaryFor writes a handoff summary of one to three paragraphs: what the
// customer reports, what the AI found, what the agent should do next. The
// lengths vary because the UI wraps and scrolls summaries of every size.
func summaryFor(rng *rand.Rand, tp topic, v vars) string {
	fill := v.filler(teams()[tp.team].Name)
	paragraphs := []string{pick(rng, tp.report), pick(rng, tp.checked), pick(rng, tp.next)}
	n := 1 + rng.IntN(3)
	for i := range paragraphs[:n] {
		paragraphs[i] = fill(paragraphs[i])
	}
	return strings.Join(paragraphs[:n], "\n\n")
}

// customDataFor writes the session's custom data: the topic and order, and
// values of every JSON type the schema allows (string, number, boolean).
func customDataFor(rng *rand.Rand, tp topic, v vars) map[string]any {
	m := map[string]any{"topic": tp.key}
	if tp.key != "login" && tp.key != "bug_report" || chance(rng, 0.3) {
		m["order_id"] = v.order
	}
	if chance(rng, 0.5) {
		m["previous_contacts"] = rng.IntN(5)
	}
	if chance(rng, 0.3) {
		m["cart_value_usd"] = float64(1900+rng.IntN(90000)) / 100
	}
	if chance(rng, 0.3) {
		m["vip"] = chance(rng, 0.3)
	}
	if chance(rng, 0.15) {
		m["coupon_code"] = pick(rng, []string{"", "SPRING15", "WELCOME10"})
	}
	return m
}
