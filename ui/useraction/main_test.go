package useraction

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// helperEnv, when set, makes the test binary the program a test's
// command runs: it appends its argv (after the program) as one JSON line
// to the file the variable names, prints it, and exits. Re-running the
// test binary keeps the helper a program of its own, found by path, as a
// user's would be.
const helperEnv = "CXI_USERACTION_ARGV_LOG"

// TestMain is the helper when helperEnv is set, and otherwise fails the
// package's tests when one leaves a goroutine behind.
func TestMain(m *testing.M) {
	if log := os.Getenv(helperEnv); log != "" {
		line, _ := json.Marshal(os.Args[1:])
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			os.Exit(3)
		}
		_, _ = f.Write(append(line, '\n'))
		_ = f.Close()
		_, _ = os.Stdout.Write(line)
		switch os.Getenv(helperEnv + "_THEN") {
		case "flood": // more than OutputCap, on both streams
			chunk := strings.Repeat("x", 1024) + "\n"
			for range 100 {
				_, _ = os.Stdout.WriteString(chunk)
				_, _ = os.Stderr.WriteString(chunk)
			}
			os.Exit(4)
		case "block": // until killed
			select {}
		}
		os.Exit(0)
	}
	goleak.VerifyTestMain(m)
}
