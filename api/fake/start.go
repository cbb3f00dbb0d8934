package fake

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownGrace bounds how long stop waits for in-flight requests before it
// closes their connections outright.
const shutdownGrace = 5 * time.Second

// Start serves the handler on a loopback listener (127.0.0.1:0) and returns
// the base URL (e.g. "http://127.0.0.1:43123") and a stop function that shuts
// the server down and waits for it. stop may be called more than once.
//
// stop cancels every in-flight request's context first, so delayed and
// hanging faults end at once instead of holding the shutdown. The server logs
// nothing: in --demo it shares the terminal with the UI, and a stray log line
// would corrupt the screen.
//
// The catalog and the search index are built by the first request that
// needs them; a test that times its first request calls Warm first
// (faketest.Start does).
func (s *Server) Start() (baseURL string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("fake server: listen on loopback: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln) // always ErrServerClosed once stop runs
	}()

	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer scancel()
			if err := srv.Shutdown(sctx); err != nil {
				_ = srv.Close()
			}
			<-done
		})
	}
	return "http://" + ln.Addr().String(), stop, nil
}
