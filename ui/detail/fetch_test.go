package detail

import (
	"context"
	"testing"
	"time"

	"github.com/opencx-tools/cxi/api"
)

// oneSession answers a GET for its session and 404 for any other.
type oneSession struct {
	Client
	s *api.Session
}

func (c oneSession) GetSession(_ context.Context, id string) (*api.Session, error) {
	if id != c.s.ID {
		return nil, &api.Error{Kind: api.KindNotFound, Status: 404, Op: "get session " + api.ShortID(id)}
	}
	return c.s, nil
}

func TestFetchCommandReportsResultWithItsRequest(t *testing.T) {
	const idA, idB = "3c90c3cc-0d44-4b50-8888-8dd25736052a", "7d0e6b0a-1a2b-4c3d-9e4f-5a6b7c8d9e0f"
	s := &api.Session{ID: idA}
	client := oneSession{s: s}
	req := Request{Seq: 7, ID: idA}
	msg := fetchSession(context.Background(), client, req, time.Now, nil)()
	got, ok := msg.(LoadedMsg)
	if !ok || got.Req != req || got.Session != s {
		t.Fatalf("got %#v", msg)
	}
	msg = fetchSession(context.Background(), client, Request{Seq: 8, ID: idB}, time.Now, nil)()
	if f, ok := msg.(FailedMsg); !ok || api.KindOf(f.Err) != api.KindNotFound {
		t.Fatalf("got %#v", msg)
	}
}
