package mailboxtest

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
)

// Fault is what the proxy does once the server has sent AfterBytes bytes
// to the client on one connection.
type Fault struct {
	AfterBytes int64
	// Stall keeps the connection open but forwards nothing more (a server
	// too slow to answer); otherwise both sides are closed (a dropped link).
	Stall bool
}

// Proxy forwards TCP connections to a target and injects a Fault.
type Proxy struct {
	Addr  string
	ln    net.Listener
	fault Fault

	mu    sync.Mutex
	conns []net.Conn
	// Faults counts connections on which the fault fired.
	Faults atomic.Int32
}

// StartProxy listens on 127.0.0.1 and forwards to target until the test ends.
func StartProxy(tb testing.TB, target string, fault Fault) *Proxy {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &Proxy{Addr: ln.Addr().String(), ln: ln, fault: fault}
	go p.serve(target)
	tb.Cleanup(p.close)
	return p
}

func (p *Proxy) serve(target string) {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", target)
		if err != nil {
			c.Close()
			continue
		}
		p.track(c, s)
		go io.Copy(s, c)
		go p.forward(c, s)
	}
}

func (p *Proxy) track(cs ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conns = append(p.conns, cs...)
}

// forward copies server → client up to the fault, then cuts or stalls.
func (p *Proxy) forward(client, server net.Conn) {
	n, _ := io.CopyN(client, server, p.fault.AfterBytes)
	if n < p.fault.AfterBytes {
		client.Close()
		return
	}
	p.Faults.Add(1)
	if !p.fault.Stall {
		client.Close()
		server.Close()
	}
}

func (p *Proxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}
