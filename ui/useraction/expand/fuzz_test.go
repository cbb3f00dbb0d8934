package expand

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// FuzzExpand holds, for any value a session may carry, what the
// package promises: a URL keeps the template's scheme and host and gives
// the value back when decoded; an argument list keeps its length, each
// argument holding the value whole; or the value is refused.
func FuzzExpand(f *testing.F) {
	for _, v := range []string{"4471", "; rm -rf ~", "$(touch pwned)", "`id`", "../..", "..", ".", "a b", `"'`,
		"https://x@evil.com/", "%2F", "a\nb", "\u202e", "-rf", "?q=1#f", "//evil.com", "\\\\evil.com", "\xff"} {
		f.Add(v)
	}
	u, err := ParseURL("https://acme.example/t/{custom_data.v}/x?q={custom_data.v}&r=1#{custom_data.v}")
	if err != nil {
		f.Fatal(err)
	}
	a, err := ParseArgs([]string{"cli", "{custom_data.v}", "--v={custom_data.v}", "x{custom_data.v}y"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, v string) {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Skip()
		}
		v, _ = api.FormatValue(raw) // what the session holds: JSON has no invalid UTF-8
		s := &api.Session{ID: "id", CustomData: api.CustomData{"v": raw}}
		got, uerr := u.Expand(s)
		if uerr == nil {
			p, err := url.Parse(got)
			if err != nil || p.Scheme != "https" || p.Host != "acme.example" || p.User != nil {
				t.Fatalf("%q made %q", v, got)
			}
			if p.Query().Get("q") != v || p.Query().Get("r") != "1" {
				t.Fatalf("%q: the query holds %q", v, p.RawQuery)
			}
			if seg := strings.TrimPrefix(p.EscapedPath(), "/t/"); strings.Count(seg, "/") != 1 {
				t.Fatalf("%q split the path: %q", v, p.EscapedPath())
			}
		}
		argv, aerr := a.Expand(s)
		if aerr == nil {
			want := []string{"cli", v, "--v=" + v, "x" + v + "y"}
			if len(argv) != len(want) {
				t.Fatalf("%q made %d arguments", v, len(argv))
			}
			for i := range want {
				if argv[i] != want[i] {
					t.Fatalf("%q: argument %d is %q", v, i, argv[i])
				}
			}
		}
		if v == "" && (uerr == nil || aerr == nil) {
			t.Fatal("an empty value was not refused")
		}
	})
}
