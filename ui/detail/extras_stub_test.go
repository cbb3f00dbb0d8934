package detail_test

import (
	"context"

	"github.com/opencx-tools/cxi/api"
)

// CSAT answers null: the stub's sessions were not rated.
func (c *stubClient) CSAT(context.Context, string) (*api.CSATScore, error) { return nil, nil }
