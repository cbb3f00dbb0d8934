// Package prism starts Stoplight Prism, a third-party mock and validating
// proxy of an OpenAPI document, for the tests that check cxi against the
// contract itself: dynamic mock mode (random schema-valid answers) in front
// of the client, and proxy mode with --errors in front of the fake server,
// where Prism validates every request sent and every answer given. It is
// test support, linked into no program.
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
	args := []string{"mock"}
	if dynamic {
		args = append(args, "-d")
	}
	return run(t, args, spec, nil, probe)
}

// StartMock serves spec in dynamic mode with a fixed seed, logged so that
// a failure can be replayed. With a seed alone Prism answers every request
// with the same body; SeedEach gives each request a seed of its own,
// derived from this one.
func StartMock(t *testing.T, spec string, seed int, probe string) string {
	t.Helper()
	t.Logf("prism mock -d --seed %d %s", seed, filepath.Base(spec))
	return run(t, []string{"mock", "-d", "--seed", fmt.Sprint(seed)}, spec, nil, probe)
}

// StartProxy puts prism in proxy mode with --errors in front of upstream:
// it forwards what the document allows and answers a request the document
// refuses itself (422, problem+json, never forwarded); an answer from
// upstream that the document refuses becomes a 500 problem+json with an
// sl-violations header. See Flagged.
func StartProxy(t *testing.T, spec, upstream, probe string) string {
	t.Helper()
	return run(t, []string{"proxy", "--errors"}, spec, []string{upstream}, probe)
}

// run starts prism with args, then the options, spec and trailing
// arguments, and waits until it answers probe.
func run(t *testing.T, args []string, spec string, trailing []string, probe string) string {
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
	args = append(args, "-h", "127.0.0.1", "-p", fmt.Sprint(port), spec)
	args = append(args, trailing...)
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
