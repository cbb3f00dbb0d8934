package ui

import (
	"context"

	"github.com/opencx-tools/cxi/api"
)

// CSAT answers null: the stub's sessions were not rated.
func (c *stubClient) CSAT(context.Context, string) (*api.CSATScore, error) { return nil, nil }

// WalkHandoffReasons reads no handoff events: the stub's sessions say
// nothing of why they were handed off.
func (c *stubClient) WalkHandoffReasons(context.Context, api.Period) (*api.HandoffWalk, error) {
	return &api.HandoffWalk{BySession: map[string]api.HandoffWhy{}, Requests: 1}, nil
}
