package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
)

// ticketing is the ticketing_system object of a generated session.
type ticketing struct {
	Name       string `json:"name"`
	ExternalID string `json:"external_id"`
	IDType     string `json:"id_type"`
}

// ticketKind is one ticketing system with the shape of its external IDs.
type ticketKind struct {
	name, idType string
	// external returns an external ID and, for systems whose IDs are
	// numbers, that number, which then doubles as the ticket_number.
	external func(rng *rand.Rand) (id string, number int)
}

// ticketKinds returns the ticketing systems generated sessions use, weighted
// roughly by how common they are among OpenCX customers.
func ticketKinds() []weighted[ticketKind] {
	return []weighted[ticketKind]{
		{ticketKind{"zendesk", "ticket_id", func(rng *rand.Rand) (string, int) {
			n := 100000 + rng.IntN(900000)
			return fmt.Sprintf("ZD-%06d", n), n
		}}, 30},
		{ticketKind{"freshdesk", "ticket_id", func(rng *rand.Rand) (string, int) {
			n := 1000 + rng.IntN(99000)
			return "FD-" + strconv.Itoa(n), n
		}}, 14},
		{ticketKind{"salesforce", "case_id", func(rng *rand.Rand) (string, int) {
			n := 10000 + rng.IntN(90000)
			return fmt.Sprintf("%08d", n), n // case numbers are zero-padded
		}}, 14},
		{ticketKind{"hubspot", "ticket_id", func(rng *rand.Rand) (string, int) {
			n := 1_000_000_000 + rng.IntN(8_999_999_999)
			return strconv.Itoa(n), n
		}}, 12},
		{ticketKind{"intercom", "conversation_id", func(rng *rand.Rand) (string, int) {
			return "2154" + digits(rng, 11), 0
		}}, 12},
		{ticketKind{"twilio_flex", "conversation_sid", func(rng *rand.Rand) (string, int) {
			return "CH" + fromAlphabet(rng, "0123456789abcdef", 32), 0
		}}, 8},
		{ticketKind{"front", "conversation_id", func(rng *rand.Rand) (string, int) {
			return "cnv_" + fromAlphabet(rng, "0123456789abcdefghijklmnopqrstuvwxyz", 8), 0
		}}, 5},
		{ticketKind{"gorgias", "ticket_id", func(rng *rand.Rand) (string, int) {
			n := 40_000_000 + rng.IntN(9_999_999)
			return strconv.Itoa(n), n
		}}, 5},
	}
}
