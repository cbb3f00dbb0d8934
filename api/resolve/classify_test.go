package resolve

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		in    string
		kind  Kind
		value string
	}{
		{"3c90c3cc-0d44-4b50-8888-8dd25736052a", KindID, "3c90c3cc-0d44-4b50-8888-8dd25736052a"},
		{"https://app.open.cx/inbox/3C90C3CC-0D44-4B50-8888-8DD25736052A", KindID, "3c90c3cc-0d44-4b50-8888-8dd25736052a"},
		{"#1234", KindTicket, "1234"},
		{"ZD-884213", KindTicket, "ZD-884213"},
		{" zd-884213 ", KindTicket, "zd-884213"},
		{"00012345", KindTicket, "00012345"},
		{"cnv_9x", KindTicket, "cnv_9x"},
		{"dana.whitfield@example.com", KindEmail, "dana.whitfield@example.com"},
		{"+1 (415) 555-0134", KindPhone, "+1 (415) 555-0134"},
		{"4155550134", KindPhone, "4155550134"},
		{"Dana Whitfield", KindName, "Dana Whitfield"},
		{"山田 花子", KindName, "山田 花子"},
		{"dana", KindName, "dana"},
	}
	for _, tt := range tests {
		q, err := Classify(tt.in)
		if err != nil || q.Kind != tt.kind || q.Value != tt.value {
			t.Errorf("Classify(%q) = %v %q, %v; want %v %q", tt.in, q.Kind, q.Value, err, tt.kind, tt.value)
		}
	}
	for _, bad := range []string{"", "   ", "3c90c3cc-0d44-0b50-8888-8dd25736052a"} {
		if _, err := Classify(bad); err == nil {
			t.Errorf("Classify(%q) accepted", bad)
		}
	}
}
