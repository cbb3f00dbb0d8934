package demo

// person is someone a generated session's contact can be. The email's local
// part is ASCII because the schema's email pattern is; the name is in the
// person's own script, because the UI must measure and wrap it correctly.
type person struct {
	name   string // as the person writes it
	first  string // how an agent would address them
	email  string // local part
	domain string
	lang   string // BCP 47, as the session's language
	phone  string // '#' stands for a random digit
}

// people returns the contacts generated sessions draw from: mostly Latin
// script, and Japanese, Arabic, Cyrillic, Greek, Devanagari, Hangul and Han.
func people() []person {
	return []person{
		{"Marta Nowak", "Marta", "marta.nowak", "example.pl", "pl", "+48 5## ### ###"},
		{"Lucas Ferreira", "Lucas", "lucas.ferreira", "example.com.br", "pt-BR", "+55 11 9####-####"},
		{"Sofia Rossi", "Sofia", "sofia.rossi", "example.it", "it", "+39 3## ### ####"},
		{"Jonas Becker", "Jonas", "j.becker", "example.de", "de", "+49 15# #######"},
		{"Camille Dubois", "Camille", "camille.dubois", "example.fr", "fr", "+33 6 ## ## ## ##"},
		{"Mateo García", "Mateo", "mateo.garcia", "example.es", "es", "+34 6## ### ###"},
		{"Aoife Byrne", "Aoife", "aoife.byrne", "example.ie", "en-IE", "+353 8# ### ####"},
		{"Emily Chen", "Emily", "emily.chen", "example.com", "en", "+1 415 555 01##"},
		{"Oluwaseun Adeyemi", "Seun", "seun.adeyemi", "example.com", "en", "+44 7700 900###"},
		{"Nguyễn Thị Lan", "Lan", "lan.nguyen", "example.vn", "vi", "+84 9# ### ## ##"},
		{"Ingrid Halvorsen", "Ingrid", "ingrid.h", "example.no", "nb", "+47 4## ## ###"},
		{"Jake Morrison", "Jake", "jake.morrison", "example.com", "en", "+1 312 555 01##"},
		{"Zoë van den Berg", "Zoë", "zoe.vandenberg", "example.nl", "nl", "+31 6 ########"},
		{"Mehmet Yılmaz", "Mehmet", "mehmet.yilmaz", "example.com.tr", "tr", "+90 5## ### ## ##"},
		{"Kofi Mensah", "Kofi", "kofi.mensah", "example.com", "en", "+233 24 ### ####"},
		{"Rachel O'Connor", "Rachel", "rachel.oconnor", "example.co.uk", "en-GB", "+44 7700 900###"},
		{"Björn Åkesson", "Björn", "bjorn.akesson", "example.se", "sv", "+46 70 ### ## ##"},
		{"Ana-Maria Popescu", "Ana-Maria", "anamaria.popescu", "example.ro", "ro", "+40 7## ### ###"},
		{"佐藤 花子", "花子", "hanako.sato", "example.co.jp", "ja", "+81 90 #### ####"},
		{"鈴木 健太", "健太", "kenta.suzuki", "example.jp", "ja", "+81 80 #### ####"},
		{"高橋 美咲", "美咲", "misaki.takahashi", "example.co.jp", "ja", "+81 70 #### ####"},
		{"محمد العتيبي", "محمد", "m.alotaibi", "example.sa", "ar", "+966 5# ### ####"},
		{"فاطمة الزهراء", "فاطمة", "fatima.zahra", "example.ma", "ar", "+212 6## ######"},
		{"ليلى حداد", "ليلى", "layla.haddad", "example.com", "ar", "+961 3 ### ###"},
		{"Анна Смирнова", "Анна", "anna.smirnova", "example.ru", "ru", "+7 9## ###-##-##"},
		{"Дмитрий Иванов", "Дмитрий", "d.ivanov", "example.com", "ru", "+7 9## ###-##-##"},
		{"Олена Коваленко", "Олена", "olena.kovalenko", "example.com.ua", "uk", "+380 6# ### ## ##"},
		{"Γιώργος Παπαδόπουλος", "Γιώργο", "g.papadopoulos", "example.gr", "el", "+30 69# ### ####"},
		{"Ελένη Νικολάου", "Ελένη", "eleni.nikolaou", "example.gr", "el", "+30 69# ### ####"},
		{"प्रिया शर्मा", "प्रिया", "priya.sharma", "example.in", "hi", "+91 9#### #####"},
		{"राहुल वर्मा", "राहुल", "rahul.verma", "example.in", "hi", "+91 8#### #####"},
		{"김민준", "민준", "minjun.kim", "example.kr", "ko", "+82 10-####-####"},
		{"王芳", "芳", "fang.wang", "example.cn", "zh", "+86 139 #### ####"},
	}
}

// agent is a human agent of the demo organization; the first three are the
// assignees the demo fixtures already use.
type agent struct {
	id, name string
}

// agents returns the organization's human agents.
func agents() []agent {
	return []agent{
		{"bd3b4763-29a7-4fef-acc6-1320d396a55e", "Marcus Oyelaran"},
		{"6b60e918-672d-49ec-8f88-7f566a67ebf1", "Keiko Tanaka"},
		{"e4cbcfa9-9bc6-4c3f-b884-57dae6eb8da3", "Ingrid Solberg"},
		{"3504f471-a910-426b-b088-f6aa53559799", "Tomás Álvarez"},
		{"69969368-1416-4c1a-a0df-eccf24d4996a", "Amira Haddad"},
		{"2b41bd27-36ca-4bc2-885d-12a113b012d6", "Olivia Brennan"},
		{"2ec9fbbd-65c6-4ae2-90f4-334363cbe6e0", "Daniel Cohen"},
		{"97288a37-f0b5-418a-b87c-a0761119f6c4", "Sven Eriksen"},
	}
}

// agentName returns the name of the agent with id, or a hash-chosen one
// for an assignee this table does not know (or none).
func agentName(id string, fallback int) string {
	all := agents()
	for _, a := range all {
		if a.id == id {
			return a.name
		}
	}
	return all[fallback%len(all)].name
}

// team is a team of the demo organization. The first is the star's.
type team struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// Team indexes, so topics can name theirs.
const (
	teamBilling = iota
	teamShipping
	teamAccess
	teamTech
	teamRetention
	teamReturns
)

// teams returns the organization's teams; two have no description, as
// the schema allows.
func teams() []team {
	return []team{
		teamBilling: {"4bce8108-a69a-480b-b8a2-0223976a52dc", "Billing & Refunds",
			"Refunds above $100, duplicate charges, subscription cancellations and chargeback prevention. Tier 2, staffed 7am-9pm ET."},
		teamShipping: {"afc5fde1-2459-4afe-936b-22b05311dd97", "Shipping & Deliveries",
			"Late, lost and stuck parcels, carrier claims and delivery rebooking."},
		teamAccess:    {"97465c52-973c-4ad9-b20a-f65dabe0f66f", "Account & Access", ""},
		teamTech:      {"2c6eb892-bff7-4895-af44-c1c3de87b1e0", "Technical Support", "Website and app bugs, checkout errors. Escalates to engineering."},
		teamRetention: {"fc1c3a6e-5a2e-4081-8ec2-a72c665f0853", "Retention", ""},
		teamReturns: {"0b385639-b2bf-4c18-ad63-ce0ab13fdfc4", "Returns & Exchanges",
			"Returns, exchanges, damaged items and warranty claims."},
	}
}
