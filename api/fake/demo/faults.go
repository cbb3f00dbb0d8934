package demo

import (
	"net/http"
	"time"

	"github.com/opencx-tools/cxi/api/fake"
)

// SlowDelay is how long the demo makes IDSlow wait: long enough to see the
// spinner and press esc, short enough not to bore anyone who waits.
const SlowDelay = 3 * time.Second

// badGatewayHTML is nginx's built-in 502 page, byte for byte (nginx ends
// its lines with CRLF), as a gateway in front of the API sends it.
const badGatewayHTML = "<html>\r\n" +
	"<head><title>502 Bad Gateway</title></head>\r\n" +
	"<body>\r\n" +
	"<center><h1>502 Bad Gateway</h1></center>\r\n" +
	"<hr><center>nginx/1.25.3</center>\r\n" +
	"</body>\r\n" +
	"</html>\r\n"

// showcaseFaults returns the faults of the misbehaving showcase sessions;
// a fresh map each call, so servers never share it.
func showcaseFaults() map[string]fake.Fault {
	return map[string]fake.Fault{
		IDSlow: {Delay: SlowDelay},
		IDBadGateway: {
			Status:      http.StatusBadGateway,
			ContentType: "text/html",
			Body:        badGatewayHTML,
			Header:      http.Header{"Server": {"nginx/1.25.3"}},
		},
		IDRateLimited: fake.RateLimited(100, 30),
	}
}
