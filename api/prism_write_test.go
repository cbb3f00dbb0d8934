//go:build prism

package api_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// TestWritesAgainstPrism sends the client's three writes to Stoplight Prism
// mocking actions.openapi.yaml, which validates request bodies against the
// document: the client's bodies must pass, and a body the contract refuses,
// sent raw, must be refused, or the first half proves nothing. It needs the
// prism binary: `.ci/run` installs it and sets CXI_PRISM.
//
//	go test -tags prism ./api/ -run Prism   (with CXI_PRISM=path/to/prism)
func TestWritesAgainstPrism(t *testing.T) {
	bin := os.Getenv("CXI_PRISM")
	if bin == "" {
		t.Skip("CXI_PRISM is not set: run .ci/run, or point it at a prism binary")
	}
	spec, err := filepath.Abs("testdata/actions.openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	port := prismPort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	// Static mode: the answers are the schema's, what is checked is what
	// goes in.
	cmd := exec.CommandContext(ctx, bin, "mock", "-h", "127.0.0.1", "-p", fmt.Sprint(port), spec)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start prism: %v", err)
	}
	defer func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("prism said:\n%s", out.String())
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	prismReady(t, base)

	c := newClient(t, base)
	for _, ch := range []api.StatusChange{
		{Status: api.StatusClosedResolved, GenerateSummary: true, ReflectInHelpdesk: true},
		{Status: api.StatusClosedUnresolved},
		{Status: api.StatusOpen, ReflectInHelpdesk: true},
	} {
		if err := c.SetStatus(context.Background(), testID, ch); err != nil {
			t.Errorf("SetStatus %+v: %v", ch, err)
		}
	}
	if _, err := c.RedactSession(context.Background(), testID, "GDPR request"); err != nil {
		t.Errorf("RedactSession: %v", err)
	}
	if _, err := c.RedactSession(context.Background(), testID, ""); err != nil {
		t.Errorf("RedactSession without a reason: %v", err)
	}
	if _, err := c.RedactMessage(context.Background(), "msg_01HZX", "card number"); err != nil {
		t.Errorf("RedactMessage: %v", err)
	}

	for _, bad := range []struct{ method, path, body string }{
		{http.MethodPatch, "/chat/sessions/" + testID, `{"status":"closed"}`},
		{http.MethodPatch, "/chat/sessions/" + testID, `{"status":"open","extra":true}`},
		{http.MethodPatch, "/chat/sessions/" + testID, `{}`},
		{http.MethodPost, "/redaction/session", `{"sessionId":"not-a-uuid"}`},
		{http.MethodPost, "/redaction/message", `{"reason":"no id"}`},
	} {
		req, _ := http.NewRequest(bad.method, base+bad.path, strings.NewReader(bad.body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+testKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s %s %s: prism answered %d, want 422 or 400", bad.method, bad.path, bad.body, resp.StatusCode)
		}
	}
	http.DefaultClient.CloseIdleConnections()
}

func prismPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// prismReady polls until prism answers, for up to a minute (it compiles the
// document on start).
func prismReady(t *testing.T, base string) {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		resp, err := hc.Get(base + "/redaction/session")
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("prism did not start within a minute")
}
