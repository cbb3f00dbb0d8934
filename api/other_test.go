package api_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// TestOtherFieldsAreTheUnknownOnes: the fields the API sent that Session
// does not decode are listed, top-level and nested, in the order sent, with
// their values as sent; custom data keys and known fields are not.
func TestOtherFieldsAreTheUnknownOnes(t *testing.T) {
	body := `{"tags":["vip"],"id":"` + testID + `","status":"open","channel":{"type":"web","id":"ch_1"},` +
		`"contact":{"id":"c1","foo":{"bar":1},"custom_data":{"anything":"x"},"created_at":""},` +
		`"custom_data":{"plan":"pro"},"team":null,"handoff":{"summary":"s","score":0.93},` +
		`"ticketing_system":{"name":"zendesk","external_id":"Z-1","id_type":"ticket_id","url":"https://z/1"},` +
		`"ticket_number":9007199254740993,"created_at":"2026-03-11T13:47:19Z","x":null,"tags":["vip","again"]}`
	var s api.Session
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	if got := s.OtherFields(); got != nil {
		t.Errorf("without Raw: %v", got)
	}
	s.Raw = json.RawMessage(body)
	var got []string
	for _, f := range s.OtherFields() {
		got = append(got, f.Path+"="+string(f.Value))
	}
	want := []string{`tags=["vip","again"]`, `channel.id="ch_1"`, `contact.foo={"bar":1}`, `handoff.score=0.93`,
		`ticketing_system.url="https://z/1"`, `x=null`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OtherFields =\n%q\nwant\n%q", got, want)
	}
	s.Raw = json.RawMessage(`"not an object"`)
	if got := s.OtherFields(); got != nil {
		t.Errorf("a body that is not an object: %v", got)
	}
}
