package mailboxtest

import (
	"net"
	"testing"
)

// NXDomainResolver returns a resolver whose DNS server, on 127.0.0.1,
// answers "no such domain" to every question: name-not-found tests need
// no network. It is MXResolver knowing no domain.
func NXDomainResolver(tb testing.TB) *net.Resolver {
	tb.Helper()
	return MXResolver(tb, nil)
}
