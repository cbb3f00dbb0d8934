package api_test

import (
	"bytes"
	"os"
	"testing"
)

// TestContractIsThePublishedOne: testdata/opencx.openapi.yaml is the
// project's contract, copied so that a clean clone tests against it. Where
// the shared original is at hand (a developer's checkout), the copy must
// be it byte for byte, or the tests check an older picture of the API.
func TestContractIsThePublishedOne(t *testing.T) {
	const shared = "../../shared/opencx/opencx.openapi.yaml"
	want, err := os.ReadFile(shared)
	if os.IsNotExist(err) {
		t.Skip("no shared contract beside this checkout: ", shared)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("testdata/opencx.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("testdata/opencx.openapi.yaml differs from %s: copy it again", shared)
	}
}
