package mailbox

import (
	"errors"
	"strings"
	"testing"

	"hygie/mail/mailbox/mailboxtest"
)

// realSizeToken is as long as Microsoft refresh tokens can get, above
// Windows' 2,560-byte limit for one entry.
var realSizeToken = "M.C5" + strings.Repeat("Ab9-_", 700) // 3,504 bytes

// TestTokenChunksSystemKeychain stores a real-size refresh token in the
// real Secret Service, replaces it, and deletes it with the account.
func TestTokenChunksSystemKeychain(t *testing.T) {
	mailboxtest.StartSecretService(t)
	kc := SystemKeychain{}
	if err := SaveToken(kc, "cabinet", realSizeToken); err != nil {
		t.Fatalf("SaveToken: %v", err)
	}
	if got, err := LoadToken(kc, "cabinet"); err != nil || got != realSizeToken {
		t.Fatalf("LoadToken = %d bytes, %v; want %d bytes", len(got), err, len(realSizeToken))
	}
	next := strings.ToUpper(realSizeToken) + "x"
	if err := SaveToken(kc, "cabinet", next); err != nil {
		t.Fatal(err)
	}
	if got, _ := LoadToken(kc, "cabinet"); got != next {
		t.Errorf("LoadToken after replace = %d bytes, want the new token", len(got))
	}
	kc.Set("cabinet", "mot-de-passe")
	if err := DeleteSecrets(kc, "cabinet"); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadToken(kc, "cabinet"); !errors.Is(err, ErrNoToken) {
		t.Errorf("LoadToken after DeleteSecrets = %v, want ErrNoToken", err)
	}
	if _, err := kc.Get("cabinet"); !errors.Is(err, ErrNoPassword) {
		t.Errorf("password after DeleteSecrets = %v, want ErrNoPassword", err)
	}
}

// failingKeychain accepts n entries, then fails like a locked keychain.
type failingKeychain struct {
	windowsKeychain
	left int
}

func (k *failingKeychain) Set(account, secret string) error {
	if k.left == 0 {
		return ErrKeychainUnavailable
	}
	k.left--
	return k.windowsKeychain.Set(account, secret)
}

// TestTokenChunksHalfWritten: a keychain failing halfway through a new
// token leaves the previous one whole and no stray chunk behind.
func TestTokenChunksHalfWritten(t *testing.T) {
	kc := &failingKeychain{left: -1}
	if err := SaveToken(kc, "cabinet", realSizeToken); err != nil {
		t.Fatal(err)
	}
	kc.mu.Lock()
	entries := len(kc.pw)
	kc.mu.Unlock()
	if entries != 3 { // two chunks and the index, each under 2,560 bytes
		t.Errorf("%d entries for a %d-byte token, want 3", entries, len(realSizeToken))
	}
	kc.left = 1
	if err := SaveToken(kc, "cabinet", "new-"+realSizeToken); !errors.Is(err, ErrKeychainUnavailable) {
		t.Fatalf("SaveToken on a failing keychain = %v", err)
	}
	if got, err := LoadToken(kc, "cabinet"); err != nil || got != realSizeToken {
		t.Errorf("LoadToken after a failed save = %d bytes, %v; want the previous token", len(got), err)
	}
	kc.mu.Lock()
	after := len(kc.pw)
	kc.mu.Unlock()
	if after != entries {
		t.Errorf("%d entries after a failed save, want %d", after, entries)
	}
}

func TestTokenMissing(t *testing.T) {
	kc := &MemoryKeychain{}
	if _, err := LoadToken(kc, "cabinet"); !errors.Is(err, ErrNoToken) {
		t.Errorf("LoadToken of nothing = %v, want ErrNoToken", err)
	}
	if err := DeleteToken(kc, "cabinet"); err != nil {
		t.Errorf("DeleteToken of nothing = %v", err)
	}
	kc.Set(tokenIndexKey("cabinet"), "garbage")
	if _, err := LoadToken(kc, "cabinet"); !errors.Is(err, ErrNoToken) {
		t.Errorf("LoadToken of a broken index = %v, want ErrNoToken", err)
	}
}
