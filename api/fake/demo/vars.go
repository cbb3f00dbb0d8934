package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// vars are the particulars the texts of one session mention: its order,
// amounts, carrier and so on. They are drawn from a hash of the session ID,
// so the handoff summary written when the session is generated and the
// transcript written when its history is asked for tell the same story.
type vars struct {
	who
	order, amount, last4, product, carrier, tracking string
	plan, device, errText, date, days                string
	agent, team, ticket                              string
}

// newVars draws the particulars of session id. Every draw happens whatever
// the inputs, so that what one caller overrides does not shift the rest.
func newVars(id, lang string, w who, created time.Time, assignee string) vars {
	rng := rngFor(id, "vars")
	v := vars{who: w}
	v.order = orderFor(id)
	v.amount = money(rng, lang)
	v.last4 = digits(rng, 4)
	v.product = pick(rng, []string{
		"Alder dining chairs (set of 4)", "oak bookshelf", "linen duvet cover", "ceramic table lamp",
		"wool area rug", "velvet armchair", "walnut coffee table", "stoneware dinner set",
		"bamboo bath towels", "rattan pendant light", "queen bed frame", "cast-iron casserole",
	})
	v.carrier = pick(rng, []string{"UPS", "DHL Express", "FedEx", "DPD", "Royal Mail", "Yamato Transport", "Aramex", "PostNL", "Colissimo"})
	v.tracking = "1Z" + fromAlphabet(rng, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ", 16)
	v.plan = pick(rng, []string{"Larkspur Plus (annual)", "Larkspur Plus (monthly)", "Design Club"})
	v.device = pick(rng, []string{"iPhone 15, iOS 18.3", "Pixel 8, Android 15", "Windows 11, Chrome 131", "macOS 15, Safari 18", "iPad Air, iPadOS 18", "Galaxy S24, Samsung Internet"})
	v.errText = pick(rng, []string{"ERR_SESSION_EXPIRED", "HTTP 500 at /checkout/payment", "PAYMENT_METHOD_DECLINED", "TypeError: Cannot read properties of undefined (reading 'sku')", "429 Too Many Requests"})
	v.date = created.AddDate(0, 0, -rng.IntN(20)).Format("2 January")
	v.days = fmt.Sprint(3 + rng.IntN(12))
	v.agent = agentName(assignee, rng.IntN(1000))
	return v
}

// orderFor is the order number a session is about, in Larkspur's format.
func orderFor(id string) string {
	return "LK-22" + digits(rngFor(id, "order"), 5)
}

// money formats a plausible amount in the currency of the language.
func money(rng *rand.Rand, lang string) string {
	units, cents := 19+rng.IntN(880), pick(rng, []int{0, 0, 50, 99})
	switch {
	case lang == "ja":
		return fmt.Sprintf("¥%d,%d00", units/10+1, units%10)
	case lang == "en-GB" || lang == "en-IE":
		return fmt.Sprintf("£%d.%02d", units, cents)
	case lang == "en" || lang == "" || strings.HasPrefix(lang, "en-"):
		return fmt.Sprintf("$%d.%02d", units, cents)
	default:
		return fmt.Sprintf("€%d.%02d", units, cents)
	}
}

// filler fills a template's {placeholders} from v. With no contact name
// the texts still read well: "Hi there", "The customer reports…"; an
// unknown placeholder is left as it is.
func (v vars) filler(teamName string) func(string) string {
	name, sign, email := v.name, ".", v.email
	if name == "" {
		name = "The customer"
	} else {
		sign = ",\n" + name
	}
	if email == "" {
		email = "the email on the account"
	}
	team, ticket := v.team, v.ticket
	if team == "" {
		team = teamName
	}
	if ticket == "" {
		ticket = "the ticket"
	}
	values := map[string]string{
		"name": name, "email": email, "sign": sign,
		"order": v.order, "amount": v.amount, "last4": v.last4,
		"product": v.product, "carrier": v.carrier, "tracking": v.tracking,
		"plan": v.plan, "device": v.device, "error": v.errText,
		"date": v.date, "days": v.days, "agent": v.agent,
		"team": team, "ticket": ticket,
	}
	return func(tmpl string) string {
		var b strings.Builder
		for {
			open := strings.IndexByte(tmpl, '{')
			closing := strings.IndexByte(tmpl[max(open, 0):], '}')
			if open < 0 || closing < 0 {
				b.WriteString(tmpl)
				return b.String()
			}
			key, head := tmpl[open+1:open+closing], tmpl[:open]
			tmpl = tmpl[open+closing+1:]
			value, known := values[key]
			switch {
			case key == "first" && v.first != "":
				value = v.first
			case key == "first":
				// "Thanks, {first}." becomes "Thanks." and "Hi {first}" "Hi there".
				if trimmed, ok := strings.CutSuffix(head, ", "); ok {
					head = trimmed
				} else {
					value = "there"
				}
			case !known:
				value = "{" + key + "}"
			}
			b.WriteString(head)
			b.WriteString(value)
		}
	}
}
