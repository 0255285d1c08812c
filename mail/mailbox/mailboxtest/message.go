package mailboxtest

import (
	"fmt"
	"strings"
)

// Message builds a small, plain RFC 5322 message with CRLF line ends.
func Message(i int, from, subject, body string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", from)
	b.WriteString("To: cabinet@kine.example\r\n")
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	fmt.Fprintf(&b, "Date: Mon, 2 Mar 2026 09:%02d:00 +0100\r\n", i%60)
	fmt.Fprintf(&b, "Message-ID: <test-%d@hygie.example>\r\n", i)
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
	b.WriteString(strings.ReplaceAll(body, "\n", "\r\n"))
	b.WriteString("\r\n")
	return []byte(b.String())
}

// Messages builds n distinct ordinary messages of roughly size bytes each.
func Messages(n, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		body := fmt.Sprintf("Bonjour,\nvoici le message numéro %d.\n", i)
		if pad := size - 400; pad > 0 {
			body += strings.Repeat("Texte de remplissage pour le test. ", pad/35+1)
		}
		out[i] = Message(i, fmt.Sprintf("Collègue %d <collegue%d@kine.example>", i, i), fmt.Sprintf("Message %d", i), body)
	}
	return out
}
