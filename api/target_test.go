package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/opencx-tools/cxi/api"
)

// answers is a SessionReader whose every read answers the session with ID
// id, or err.
type answers struct {
	id  string
	err error
}

func (a answers) GetSession(context.Context, string) (*api.Session, error) {
	if a.err != nil {
		return nil, a.err
	}
	return &api.Session{ID: a.id, Status: api.StatusOpen}, nil
}

// TestReadTargetRefusesAnotherSession: a write's target read is the
// session named or an error that says which answered, with nothing sent;
// after a write the same answer is "not confirmed", never a confirmation.
func TestReadTargetRefusesAnotherSession(t *testing.T) {
	const asked, other = "0d322df5-0d44-4b50-8888-8dd25736052a", "497f6eca-6276-4993-bfeb-53cbbbba6f08"
	ctx := context.Background()

	s, err := api.ReadTarget(ctx, answers{id: asked}, asked)
	if err != nil || s.ID != asked {
		t.Fatalf("same session: %+v, %v", s, err)
	}
	// UUIDs are case-insensitive: an upper-case answer is the same session.
	s, err = api.ReadTarget(ctx, answers{id: strings.ToUpper(asked)}, asked)
	if err != nil || s == nil {
		t.Fatalf("same session in upper case: %+v, %v", s, err)
	}
	if _, err := api.ReadConfirmation(ctx, answers{id: asked}, strings.ToUpper(asked)); err != nil {
		t.Fatalf("confirmation in another case: %v", err)
	}

	for _, tt := range []struct {
		name     string
		read     func(context.Context, api.SessionReader, string) (*api.Session, error)
		answered string
		want     string
	}{
		{"before", api.ReadTarget, other, "asked for 0d322df5, the API answered 497f6eca: nothing sent"},
		{"after", api.ReadConfirmation, other, "sent, not confirmed: asked for 0d322df5, the API answered 497f6eca"},
		// The short forms would be the same: the whole IDs are said.
		{"same first block", api.ReadTarget, "0D322DF5-1111-4b50-8888-8dd25736052a",
			"asked for " + asked + ", the API answered 0D322DF5-1111-4b50-8888-8dd25736052a: nothing sent"},
		{"no ID", api.ReadTarget, "", "asked for 0d322df5, the API answered a session without an ID: nothing sent"},
	} {
		s, err := tt.read(ctx, answers{id: tt.answered}, asked)
		var e *api.OtherSessionError
		if s != nil || !errors.Is(err, api.ErrOtherSession) || !errors.As(err, &e) || e.Asked != asked || e.Answered != tt.answered {
			t.Errorf("%s: %+v, %v", tt.name, s, err)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s: %q\nwant %q", tt.name, err, tt.want)
		}
	}

	// A failed read is its own error, untouched.
	notFound := &api.Error{Kind: api.KindNotFound, Status: 404}
	if _, err := api.ReadTarget(ctx, answers{err: notFound}, asked); err != notFound {
		t.Errorf("a 404: %v", err)
	}
}

// TestGetSessionRefusesAnotherSession: a GET of one session answered with
// another is an error in the client itself, so that no view shows it as
// the session asked for and no key acts on it; an answer in other capitals
// is the same session. A write's target read says "nothing sent" on top.
func TestGetSessionRefusesAnotherSession(t *testing.T) {
	const other = "497f6eca-6276-4993-bfeb-53cbbbba6f08"
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := other
		if strings.HasSuffix(r.URL.Path, strings.ToUpper(testID)) {
			id = testID
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id":%q,"status":"open","ai_closure_type":null,"sentiment":null,"channel":{"type":"web"},"ticket_number":1,"assist_mode":false,"created_at":"2026-11-25T12:00:00Z","updated_at":"2026-11-25T12:00:00Z"}`, id)
	}))
	c := newClient(t, srv.URL)

	s, err := c.GetSession(context.Background(), testID)
	e := asError(t, err, srv.URL)
	if s != nil || e.Kind != api.KindDecode || !errors.Is(err, api.ErrOtherSession) {
		t.Fatalf("got %+v, kind %s, %v; want a decode error that is ErrOtherSession", s, kindName(e.Kind), err)
	}
	if want := "asked for 3c90c3cc, the API answered 497f6eca"; !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %q, want it to end %q", err, want)
	}

	if s, err := c.GetSession(context.Background(), strings.ToUpper(testID)); err != nil || s.ID != testID {
		t.Errorf("the same session in capitals: %+v, %v", s, err)
	}

	_, err = api.ReadTarget(context.Background(), c, testID)
	if want := "asked for 3c90c3cc, the API answered 497f6eca: nothing sent"; err == nil || err.Error() != want {
		t.Errorf("ReadTarget: %v, want %q", err, want)
	}
}
