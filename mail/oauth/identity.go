package oauth

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"golang.org/x/oauth2"
)

// Identities lists the addresses the token's id_token names (email,
// preferred_username, upn), lowercased; none when there is no id_token.
//
// The signature is not checked: the id_token came straight from the
// provider's token endpoint over TLS, which OpenID Connect accepts in
// place of the signature, and it only serves to tell the user that they
// picked another account, never to grant access.
func Identities(tok *oauth2.Token) []string {
	raw, _ := tok.Extra("id_token").(string)
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return nil
	}
	var claims struct {
		Email             string `json:"email"`
		PreferredUsername string `json:"preferred_username"`
		UPN               string `json:"upn"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return nil
	}
	var out []string
	for _, c := range []string{claims.Email, claims.PreferredUsername, claims.UPN} {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// CheckIdentity returns a *WrongAccountError when the id_token names
// accounts and none is address. Without an id_token it returns nil: the
// IMAP server's refusal will tell instead.
func CheckIdentity(tok *oauth2.Token, address string) error {
	ids := Identities(tok)
	want := strings.ToLower(strings.TrimSpace(address))
	for _, id := range ids {
		if id == want {
			return nil
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return &WrongAccountError{Want: address, Got: ids[0]}
}
