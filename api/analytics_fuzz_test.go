package api_test

import (
	"context"
	"errors"
	"testing"

	"github.com/opencx-tools/cxi/api"
	"github.com/opencx-tools/cxi/api/paging"
)

// FuzzAnalyticsDecode feeds arbitrary 200 answers to every analytics call:
// none may panic, and each either decodes (keeping the body as sent) or
// fails with an *api.Error.
func FuzzAnalyticsDecode(f *testing.F) {
	f.Add([]byte(`{"items":[{"session_id":null,"reasons":["x",1]}],"next":null,"total":1.5}`))
	f.Add([]byte(`{"reasons":[{"reason":"insufficient_tools","count":"3"}],"trends":{"date":1}}`))
	f.Add([]byte(`[{"grouping":null,"sessions_count":2.5,"compliance":{"first_reply":[]},"percentiles":7}]`))
	f.Add([]byte(`{"data":[{"shifts":[{"day_of_week":5}]}],"items":"x"}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"score":"five","contact":{"custom_data":[1]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c := memClient(t, memTransport{body: body, status: 200, ctype: "application/json"}, api.WithMaxBody(fuzzMaxBody))
		ctx := context.Background()
		check := func(name string, raw []byte, err error) {
			if err != nil {
				var e *api.Error
				if !errors.As(err, &e) {
					t.Fatalf("%s: error %T is not an *api.Error: %v", name, err, err)
				}
				return
			}
			if raw != nil && string(raw) != string(body) {
				t.Fatalf("%s: the body as sent was not kept", name)
			}
		}
		a, err := c.HandoffAnalytics(ctx, api.Period{})
		if err == nil {
			check("HandoffAnalytics", a.Raw, nil)
		} else {
			check("HandoffAnalytics", nil, err)
		}
		_, err = c.HandoffEvents(ctx, api.HandoffEventParams{})
		check("HandoffEvents", nil, err)
		_, err = c.WalkHandoffReasons(ctx, api.Period{})
		var stop *paging.StopError
		if err != nil && !errors.As(err, &stop) {
			check("WalkHandoffReasons", nil, err)
		}
		_, err = c.CSAT(ctx, testID)
		check("CSAT", nil, err)
		_, err = c.SLAAnalytics(ctx, api.SLAParams{})
		check("SLAAnalytics", nil, err)
		_, err = c.SLABreakdown(ctx, api.SLAParams{}, api.GroupByTeam)
		check("SLABreakdown", nil, err)
		_, err = c.SLATrend(ctx, api.SLAParams{}, "")
		check("SLATrend", nil, err)
		_, err = c.OfficeHours(ctx)
		check("OfficeHours", nil, err)
	})
}
