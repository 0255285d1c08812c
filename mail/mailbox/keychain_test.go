package mailbox

import (
	"errors"
	"strings"
	"testing"

	"hygie/mail/mailbox/mailboxtest"
)

// TestSystemKeychain runs against a real Secret Service (gnome-keyring on a
// private D-Bus), as the app does on a Linux desktop.
func TestSystemKeychain(t *testing.T) {
	mailboxtest.StartSecretService(t)
	var kc Keychain = SystemKeychain{}
	const pw = "Mot-de-passe-Tr3s-Secret"
	if _, err := kc.Get("cabinet"); !errors.Is(err, ErrNoPassword) {
		t.Fatalf("Get before Set = %v, want ErrNoPassword", err)
	}
	if err := kc.Set("cabinet", pw); err != nil {
		t.Fatalf("Set: %v", err)
	}
	if err := kc.Set("autre", "autre-secret"); err != nil {
		t.Fatalf("Set other: %v", err)
	}
	if got, err := kc.Get("cabinet"); err != nil || got != pw {
		t.Fatalf("Get = %q, %v; want the saved password", got, err)
	}
	if err := kc.Set("cabinet", pw+"-v2"); err != nil {
		t.Fatalf("Set again: %v", err)
	}
	if got, _ := kc.Get("cabinet"); got != pw+"-v2" {
		t.Errorf("Get after replace = %q, want the new password", got)
	}
	if err := kc.Delete("cabinet"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := kc.Delete("cabinet"); err != nil {
		t.Errorf("Delete twice = %v, want nil", err)
	}
	_, err := kc.Get("cabinet")
	if !errors.Is(err, ErrNoPassword) {
		t.Errorf("Get after Delete = %v, want ErrNoPassword", err)
	}
	if strings.Contains(err.Error(), pw) {
		t.Errorf("error text %q contains the password", err)
	}
	if got, _ := kc.Get("autre"); got != "autre-secret" {
		t.Errorf("other account's password = %q: one key per account expected", got)
	}
}

// TestSystemKeychainUnavailable: a session bus without any Secret Service
// (a desktop without keychain) must give ErrKeychainUnavailable, never
// ErrNoPassword, so the UI offers to ask each time.
func TestSystemKeychainUnavailable(t *testing.T) {
	mailboxtest.StartBusWithoutSecrets(t)
	kc := SystemKeychain{}
	const pw = "Ne-Doit-Pas-Fuiter-42"
	err := kc.Set("cabinet", pw)
	if !errors.Is(err, ErrKeychainUnavailable) {
		t.Fatalf("Set = %v, want ErrKeychainUnavailable", err)
	}
	if strings.Contains(err.Error(), pw) {
		t.Errorf("error text %q contains the password", err)
	}
	if _, err := kc.Get("cabinet"); !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Get = %v, want ErrKeychainUnavailable", err)
	}
}

// TestSystemKeychainNoBus: the bus address points to nothing.
func TestSystemKeychainNoBus(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+t.TempDir()+"/absent")
	if _, err := (SystemKeychain{}).Get("cabinet"); !errors.Is(err, ErrKeychainUnavailable) {
		t.Errorf("Get = %v, want ErrKeychainUnavailable", err)
	}
}

func TestMemoryKeychain(t *testing.T) {
	var kc Keychain = &MemoryKeychain{}
	if _, err := kc.Get("a"); !errors.Is(err, ErrNoPassword) {
		t.Errorf("Get empty = %v, want ErrNoPassword", err)
	}
	kc.Set("a", "x")
	if got, err := kc.Get("a"); got != "x" || err != nil {
		t.Errorf("Get = %q, %v", got, err)
	}
	kc.Delete("a")
	if _, err := kc.Get("a"); !errors.Is(err, ErrNoPassword) {
		t.Errorf("Get after Delete = %v, want ErrNoPassword", err)
	}
}
