package doctor

import (
	"context"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/ui/command/auth"
	"github.com/opencx-tools/cxi/ui/render"
)

// scopeUse is what each analytics scope feeds, so that a missing one
// says what the user will not see rather than only its name.
var scopeUse = map[string]string{
	api.ScopeHandoffAnalytics: "the handoff reasons and the pulse's handoffs",
	api.ScopeSLAAnalytics:     "the pulse's SLA figures",
}

// scopeChecks say, per analytics scope, whether the key has it. A missing
// scope is a warning, not a failure: every session view works without
// it, only the analytics stay empty.
func scopeChecks(ctx context.Context, in Inputs) []result {
	if in.Scopes == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, NetworkTimeout)
	defer cancel()
	var out []result
	for _, c := range in.Scopes(ctx) {
		scope := render.Line(c.Scope)
		use := scopeUse[c.Scope]
		if use == "" {
			use = "what needs it"
		}
		missing, isScope := api.MissingScope(c.Err)
		switch {
		case c.Has:
			out = append(out, pass("Scope %s: granted (%s)", scope, use))
		case isScope:
			out = append(out, warning("ask an admin for a key with the scope "+render.Line(missing)+" (cxi auth login to store it)",
				"Scope %s: the key lacks it, so %s cannot be shown", render.Line(missing), use))
		default:
			out = append(out, warning("run cxi doctor again later", "Scope %s: not checked: %s", scope, auth.Sentence(c.Err)))
		}
	}
	return out
}
