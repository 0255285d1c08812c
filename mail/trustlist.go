package mail

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// TrustList is the set of mail domains of the MSSanté trust space, as
// published by the Agence du Numérique en Santé (ANS). The analysis only
// reads a list it is given: downloading one is mail/mailbox's business, on
// the user's request.
type TrustList struct {
	// Generated is the list's DateDeGeneration, when present.
	Generated string
	domains   map[string]TrustDomain
}

// TrustDomain is one domain of the list with the operator that serves it.
type TrustDomain struct {
	Name        string
	Description string
	// Operator is the O= of the operator certificate's subject DN.
	Operator string
}

// ParseTrustList reads the ANS XML list (root ListeBlancheMSSante, one
// Domaine element per domain and operator certificate).
func ParseTrustList(r io.Reader) (*TrustList, error) {
	dec := xml.NewDecoder(r)
	l := &TrustList{domains: map[string]TrustDomain{}}
	root := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse trust list: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if err := l.element(dec, se, &root); err != nil {
			return nil, err
		}
	}
	if !root {
		return nil, errors.New("parse trust list: no ListeBlancheMSSante element")
	}
	return l, nil
}

func (l *TrustList) element(dec *xml.Decoder, se xml.StartElement, root *bool) error {
	switch se.Name.Local {
	case "ListeBlancheMSSante":
		*root = true
	case "DateDeGeneration":
		var s string
		if err := dec.DecodeElement(&s, &se); err != nil {
			return fmt.Errorf("parse trust list: %w", err)
		}
		l.Generated = strings.TrimSpace(s)
	case "Domaine":
		var d struct {
			Nom         string `xml:"Nom"`
			Description string `xml:"Description"`
			DN          string `xml:"DNCertificatOperateur"`
		}
		if err := dec.DecodeElement(&d, &se); err != nil {
			return fmt.Errorf("parse trust list: %w", err)
		}
		name := strings.ToLower(strings.TrimSpace(d.Nom))
		if name != "" {
			l.domains[name] = TrustDomain{Name: name, Description: strings.TrimSpace(d.Description), Operator: dnOrganisation(d.DN)}
		}
	}
	return nil
}

// dnOrganisation returns the O= attribute of a certificate subject DN.
func dnOrganisation(dn string) string {
	for _, part := range strings.Split(dn, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "O") {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Len returns the number of distinct domains on the list.
func (l *TrustList) Len() int {
	if l == nil {
		return 0
	}
	return len(l.domains)
}

// Lookup returns the entry for domain, exactly as listed.
func (l *TrustList) Lookup(domain string) (TrustDomain, bool) {
	if l == nil {
		return TrustDomain{}, false
	}
	d, ok := l.domains[strings.ToLower(strings.TrimSuffix(domain, "."))]
	return d, ok
}
