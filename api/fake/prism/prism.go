// Package prism starts Stoplight Prism, a third-party mock of an OpenAPI
// document, for the tests that check cxi against the contract itself: the
// GET contract in dynamic mode (random schema-valid answers) and the write
// endpoints (Prism validates what is sent). It is test support, linked into
// no program.
package prism

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// EnvBinary names the variable that holds the prism binary's path, which
// .ci/run sets after installing it.
const EnvBinary = "CXI_PRISM"

// Start serves spec (a path, made absolute here) with prism on a free
// loopback port until the test ends, and returns its base URL once it
// answers probe (a path of the document). dynamic asks for random answers
// instead of the schema's examples. Without EnvBinary the test is skipped.
func Start(t *testing.T, spec string, dynamic bool, probe string) string {
	t.Helper()
	bin := os.Getenv(EnvBinary)
	if bin == "" {
		t.Skip(EnvBinary + " is not set: run .ci/run, or point it at a prism binary")
	}
	spec, err := filepath.Abs(spec)
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	args := []string{"mock", "-h", "127.0.0.1", "-p", fmt.Sprint(port), spec}
	if dynamic {
		args = append([]string{"mock", "-d"}, args[1:]...)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start prism: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("prism said:\n%s", out.String())
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	waitReady(t, base+probe)
	return base
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitReady polls until prism answers, for up to a minute (it compiles the
// document on start).
func waitReady(t *testing.T, url string) {
	t.Helper()
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if resp, err := hc.Get(url); err == nil {
			resp.Body.Close()
			return
		}
	}
	t.Fatal("prism did not start within a minute")
}
