package mailboxtest

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// MXResolver returns a resolver whose DNS server, on 127.0.0.1, answers
// MX questions from mx (domain → exchanger hosts) and "no such domain" to
// anything else. A domain mapped to nil gets no answer at all (a DNS
// server that does not respond).
func MXResolver(tb testing.TB, mx map[string][]string) *net.Resolver {
	tb.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { pc.Close() })
	go answerMX(pc, mx)
	addr := pc.LocalAddr().String()
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			d := net.Dialer{Timeout: time.Second}
			return d.DialContext(ctx, "udp", addr)
		},
	}
}

func answerMX(pc net.PacketConn, mx map[string][]string) {
	buf := make([]byte, 1500)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return
		}
		var p dnsmessage.Parser
		h, err := p.Start(buf[:n])
		if err != nil {
			continue
		}
		q, err := p.Question()
		if err != nil {
			continue
		}
		name := strings.TrimSuffix(strings.ToLower(q.Name.String()), ".")
		hosts, known := mx[name]
		if known && hosts == nil {
			continue // silent server
		}
		if out, err := mxReply(h, q, hosts, known); err == nil {
			pc.WriteTo(out, from)
		}
	}
}

func mxReply(h dnsmessage.Header, q dnsmessage.Question, hosts []string, known bool) ([]byte, error) {
	rh := dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired,
		RecursionAvailable: true}
	if !known {
		rh.RCode = dnsmessage.RCodeNameError
	}
	b := dnsmessage.NewBuilder(nil, rh)
	b.StartQuestions()
	b.Question(q)
	b.StartAnswers()
	if q.Type == dnsmessage.TypeMX {
		for i, host := range hosts {
			mxName, err := dnsmessage.NewName(strings.TrimSuffix(host, ".") + ".")
			if err != nil {
				return nil, err
			}
			hdr := dnsmessage.ResourceHeader{Name: q.Name, Type: dnsmessage.TypeMX, Class: dnsmessage.ClassINET, TTL: 60}
			if err := b.MXResource(hdr, dnsmessage.MXResource{Pref: uint16(10 * (i + 1)), MX: mxName}); err != nil {
				return nil, err
			}
		}
	}
	return b.Finish()
}
