package doctor

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestReachable(t *testing.T) {
	var sawAuth bool
	redirected := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			sawAuth = true
		}
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/elsewhere", http.StatusFound)
		case "/elsewhere":
			redirected = true
		default:
			http.Error(w, "nope", http.StatusInternalServerError)
		}
	}))
	for _, path := range []string{"", "/moved"} {
		if err := Reachable(context.Background(), srv.Client(), srv.URL+path); err != nil {
			t.Errorf("Reachable(%q) = %v; any answer counts", path, err)
		}
	}
	if sawAuth || redirected {
		t.Errorf("sent a key %v, followed a redirect %v", sawAuth, redirected)
	}
	url := srv.URL
	srv.Close()
	if err := Reachable(context.Background(), nil, url); err == nil {
		t.Error("a closed server is reachable")
	}
}
