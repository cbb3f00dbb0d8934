package doctor

import (
	"context"
	"crypto/x509"
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/render"
)

// Fixes shared by several checks.
const (
	fixLogin   = "run cxi auth login, or export OPENCX_API_KEY"
	fixNetwork = "check the network, a proxy (HTTPS_PROXY), and OPENCX_BASE_URL or --base-url"
)

// apiChecks are the key, the base URL, the key's acceptance and the rate
// budget. A check that depends on a failed one is left out: its ✘ would
// repeat the first.
func apiChecks(ctx context.Context, in Inputs) []result {
	var out []result
	out = append(out, keyCheck(in))
	base := render.Line(in.BaseURL)
	reached := true
	if in.Reach != nil {
		r := reachCheck(ctx, in.Reach, base)
		reached = r.ok
		out = append(out, r)
	}
	if (in.HasKey || in.Demo) && in.KeyErr == nil && reached && in.Check != nil {
		r := acceptedCheck(ctx, in)
		out = append(out, r)
		if r.ok {
			out = append(out, writeNote(in))
			out = append(out, scopeChecks(ctx, in)...)
		}
	}
	if in.Budget != nil {
		n := in.Budget()
		if n > 0 {
			out = append(out, pass("Rate budget: %d of %d requests left this minute", n, api.RequestsPerMinute))
		} else {
			out = append(out, failure("wait a minute: cxi waits for the budget rather than fail, but it will be slow",
				"Rate budget: none of %d requests left this minute", api.RequestsPerMinute))
		}
	}
	return out
}

func keyCheck(in Inputs) result {
	var perm *auth.PermissionError
	switch {
	case in.Demo:
		return pass("API key: none needed with --demo (the built-in demo server has its own)")
	case errors.As(in.KeyErr, &perm):
		return failure(perm.Fix(), "API key file %s is open to other users (mode %04o), so it is not used",
			render.Line(perm.Path), uint32(perm.Mode.Perm()))
	case errors.Is(in.KeyErr, auth.ErrKeyringTimeout):
		return failure("unlock the OS keyring, or export OPENCX_API_KEY",
			"API key: the OS keyring did not answer within %s", auth.KeyringTimeout)
	case in.KeyErr != nil:
		return failure(in.loginFix(), "API key: %s", render.Line(in.KeyErr.Error()))
	case (!in.HasKey || in.KeySource == auth.SourceNone) && in.Profile != "" && !in.InUse:
		return failure(in.loginFix(), "No API key stored for profile %s", render.Line(in.Profile))
	case !in.HasKey || in.KeySource == auth.SourceNone:
		return failure(in.loginFix(), "No API key: OPENCX_API_KEY is not set and none is stored")
	}
	where := in.KeyWhere
	if where == "" {
		where = in.KeySource.String()
	}
	return pass("API key found in %s", render.Line(where))
}

func reachCheck(ctx context.Context, reach func(context.Context) error, base string) result {
	ctx, cancel := context.WithTimeout(ctx, NetworkTimeout)
	defer cancel()
	err := reach(ctx)
	if err == nil {
		return pass("%s answers", base)
	}
	if api.KindOf(err) != api.KindUnknown {
		return failure(fixNetwork, "%s", auth.Sentence(err))
	}
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return failure(fixNetwork, "%s did not answer within %s", base, NetworkTimeout)
	case errors.As(err, &dns):
		return failure("check the host name in OPENCX_BASE_URL or --base-url, and your DNS",
			"Cannot reach %s: no such host", base)
	case errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid):
		return failure("a proxy may be intercepting TLS, or the system clock is wrong: check HTTPS_PROXY and the time",
			"Cannot reach %s: its TLS certificate is not trusted (%s)", base, render.Line(causeOf(err).Error()))
	}
	return failure(fixNetwork, "Cannot reach %s: %s", base, render.Line(causeOf(err).Error()))
}

// causeOf drops net/http's `Get "https://…":` prefix: the line names the
// URL already.
func causeOf(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}

func acceptedCheck(ctx context.Context, in Inputs) result {
	ctx, cancel := context.WithTimeout(ctx, NetworkTimeout)
	defer cancel()
	err := in.Check(ctx)
	switch kind := api.KindOf(err); {
	case err == nil, kind == api.KindNotFound:
		return pass("API key accepted by the API")
	case kind == api.KindUnauthorized, kind == api.KindForbidden:
		fix := in.newKeyFix()
		if in.KeySource == auth.SourceEnv {
			fix = "check OPENCX_API_KEY (unset it to use a stored key), or run cxi auth login"
		}
		return failure(fix, "API key rejected (%s)", statusText(err))
	case kind == api.KindRateLimited:
		return failure("wait a minute, then run cxi doctor again", "API key not checked: %s", auth.Sentence(err))
	case kind == api.KindServer, kind == api.KindNotJSON, kind == api.KindHTTP:
		return failure("try again later; if it persists, the API has a problem", "API key not checked: %s", auth.Sentence(err))
	case kind == api.KindDecode, kind == api.KindTooLarge:
		return failure("check that OPENCX_BASE_URL points at the OpenCX API", "API key not checked: %s", auth.Sentence(err))
	case errors.Is(err, context.DeadlineExceeded):
		return failure(fixNetwork, "API key not checked: no answer within %s", NetworkTimeout)
	}
	return failure(fixNetwork, "API key not checked: %s", auth.Sentence(err))
}

func statusText(err error) string {
	var e *api.Error
	if errors.As(err, &e) && e.Status != 0 {
		s := "HTTP " + strconv.Itoa(e.Status)
		if e.Message != "" {
			s += ": " + render.Line(e.Message)
		}
		return s
	}
	return strings.TrimSuffix(auth.Sentence(err), ".")
}

// writeNote says what doctor can say of writes (close, reopen, redact):
// the API has no way to ask whether a key may write without writing, and
// doctor never writes, so it cannot tell; a read-only run sends none.
func writeNote(in Inputs) result {
	if in.ReadOnlyBy != "" {
		return note("Writes: off, read-only (%s)", render.Line(in.ReadOnlyBy))
	}
	return note("Writes: cannot tell whether this key may close, reopen or redact (the API has no way to ask without writing)")
}
