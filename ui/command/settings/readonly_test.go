package settings

import (
	"errors"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/opencx-tools/cxi/ui/command"
)

func TestReadOnlyFromEachSource(t *testing.T) {
	dir := t.TempDir()
	on := writePrivate(t, dir, "on.toml", "read_only = true\n")
	off := writePrivate(t, dir, "off.toml", "read_only = false\n")
	for _, tt := range []struct {
		name  string
		flags Flags
		vars  map[string]string
		want  bool
		by    string
	}{
		{"default", Flags{}, nil, false, ""},
		{"the file", Flags{}, map[string]string{EnvConfig: on}, true, "read_only = true in " + on},
		{"the environment", Flags{}, map[string]string{EnvConfig: off, EnvReadOnly: "1"}, true, "CXI_READ_ONLY=1"},
		{"the environment over the file", Flags{}, map[string]string{EnvConfig: on, EnvReadOnly: "true"}, true, "CXI_READ_ONLY=true"},
		{"the flag over both", Flags{ReadOnly: true}, map[string]string{EnvConfig: on, EnvReadOnly: "1"}, true, "--read-only"},
		{"0 is off", Flags{}, map[string]string{EnvReadOnly: "0"}, false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Resolve(tt.flags, envWith(t, tt.vars))
			if err != nil {
				t.Fatal(err)
			}
			if s.ReadOnly != tt.want || s.ReadOnlyBy != tt.by {
				t.Errorf("read-only %v by %q, want %v by %q", s.ReadOnly, s.ReadOnlyBy, tt.want, tt.by)
			}
			err = s.CheckWrite()
			if (err != nil) != tt.want {
				t.Fatalf("CheckWrite: %v", err)
			}
			var ro *ReadOnlyError
			if err != nil && (!errors.As(err, &ro) || command.ExitCode(err) != command.ExitUsage || !strings.Contains(err.Error(), tt.by)) {
				t.Errorf("CheckWrite: %v, exit %d", err, command.ExitCode(err))
			}
		})
	}
}

func TestReadOnlyIsASharedFlag(t *testing.T) {
	var f Flags
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	f.AddShared(fs)
	if err := fs.Parse([]string{"--read-only"}); err != nil || !f.ReadOnly {
		t.Errorf("%v %+v", err, f)
	}
}
