// Package auth finds, stores and removes the OpenCX API key, and runs
// `cxi auth login`, `cxi auth status` and `cxi auth logout`. The key comes
// from OPENCX_API_KEY first, then the OS keyring, then a file only its owner
// can read; it is never printed, never taken from an argument (arguments
// show in ps and shell history), and never put in an error.
package auth

// Source says where the API key came from.
type Source int

// Where a key can come from, in the order Store.Key looks.
const (
	SourceNone    Source = iota // no key anywhere
	SourceEnv                   // the OPENCX_API_KEY environment variable
	SourceKeyring               // the OS keyring (Keychain, Secret Service, Credential Manager)
	SourceFile                  // the 0600 key file in the config folder
)

// EnvVar is the environment variable that holds the key; it wins over any
// stored key.
const EnvVar = "OPENCX_API_KEY"

// String names the source for a sentence. The key file is "the key file"
// here; Store.Where names it by its path.
func (s Source) String() string {
	switch s {
	case SourceEnv:
		return EnvVar
	case SourceKeyring:
		return "the OS keyring"
	case SourceFile:
		return "the key file"
	}
	return "none"
}
