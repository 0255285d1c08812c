package mailbox

import (
	"encoding/json"
	"strconv"

	"github.com/emersion/go-sasl"
)

// The SASL mechanisms that carry an OAuth2 bearer token.
const (
	mechXOAUTH2     = "XOAUTH2"
	mechOAuthBearer = "OAUTHBEARER"
)

// bearerClient is a sasl.Client for XOAUTH2 (Google's and Microsoft's
// mechanism, which go-sasl no longer ships) and OAUTHBEARER (RFC 7628).
// When the server refuses the token it sends a JSON challenge; the client
// must answer it (empty for XOAUTH2, ^A for OAUTHBEARER) so that the
// server ends with a tagged NO, and keeps the status for the error text.
type bearerClient struct {
	mech, user, token, host string
	port                    int
	status                  string // the server's JSON "status", once refused
}

var _ sasl.Client = (*bearerClient)(nil)

func (c *bearerClient) Start() (string, []byte, error) {
	if c.mech == mechXOAUTH2 {
		return c.mech, []byte("user=" + c.user + "\x01auth=Bearer " + c.token + "\x01\x01"), nil
	}
	ir := "n,a=" + saslName(c.user) + ",\x01host=" + c.host + "\x01port=" + strconv.Itoa(c.port) +
		"\x01auth=Bearer " + c.token + "\x01\x01"
	return c.mech, []byte(ir), nil
}

func (c *bearerClient) Next(challenge []byte) ([]byte, error) {
	var e struct {
		Status string `json:"status"`
	}
	json.Unmarshal(challenge, &e)
	c.status = e.Status
	if c.mech == mechXOAUTH2 {
		return []byte{}, nil
	}
	return []byte{0x01}, nil
}

// saslName escapes ',' and '=' in a GS2 authzid (RFC 5801).
func saslName(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',':
			out = append(out, "=2C"...)
		case '=':
			out = append(out, "=3D"...)
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}
