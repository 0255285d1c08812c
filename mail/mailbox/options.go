package mailbox

import (
	"crypto/x509"
	"net"
	"time"
)

// Options tune how Hygie talks to IMAP servers. The zero value is usable.
type Options struct {
	// Timeout bounds connecting, the TLS handshake, and any silence of the
	// server while Hygie waits for it. Default 30 s.
	Timeout time.Duration
	// RootCAs are the authorities trusted for server certificates; nil
	// means the system's.
	RootCAs *x509.CertPool
	// Resolver looks up server names; nil means the system resolver.
	Resolver *net.Resolver
	// BatchSize is the most messages fetched per FETCH command. Default 200.
	BatchSize int
	// BatchBytes is the most message bytes fetched per FETCH. Default 8 MiB.
	BatchBytes int64
	// MaxMessageBytes caps what is downloaded of one message: beyond it
	// only the beginning (headers and first parts) is analysed. Default 10 MiB.
	MaxMessageBytes int64
	// Workers is how many messages are analysed at once. Default: one per CPU.
	Workers int
}

func (o Options) timeout() time.Duration {
	if o.Timeout <= 0 {
		return 30 * time.Second
	}
	return o.Timeout
}

func (o Options) batchSize() int {
	if o.BatchSize <= 0 {
		return 200
	}
	return o.BatchSize
}

func (o Options) batchBytes() int64 {
	if o.BatchBytes <= 0 {
		return 8 << 20
	}
	return o.BatchBytes
}

func (o Options) maxMessageBytes() int64 {
	if o.MaxMessageBytes <= 0 {
		return 10 << 20
	}
	return o.MaxMessageBytes
}
