package mailbox

import (
	"errors"
	"fmt"
	"sync"

	"github.com/zalando/go-keyring"
)

// KeyringService is the service name of Hygie's entries in the system
// keychain; each account is one entry whose user is the account's name.
const KeyringService = "hygie"

var (
	// ErrNoPassword: the keychain holds no password for the account yet.
	ErrNoPassword = errors.New("mailbox: no password saved for this account")
	// ErrKeychainUnavailable: the system keychain cannot be used (no
	// Secret Service on Linux, locked keychain…). The UI then asks for the
	// password each time and keeps it in memory only.
	ErrKeychainUnavailable = errors.New("mailbox: system keychain unavailable")
)

// Keychain stores one password per account.
type Keychain interface {
	Get(account string) (string, error)
	Set(account, password string) error
	Delete(account string) error
}

// SystemKeychain is the operating system's keychain (Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows).
type SystemKeychain struct{}

// Get returns the saved password, ErrNoPassword, or ErrKeychainUnavailable.
func (SystemKeychain) Get(account string) (string, error) {
	pw, err := keyring.Get(KeyringService, account)
	if err != nil {
		return "", keychainErr("read", account, err)
	}
	return pw, nil
}

// Set saves the password of account, replacing any previous one.
func (SystemKeychain) Set(account, password string) error {
	return keychainErr("save", account, keyring.Set(KeyringService, account, password))
}

// Delete removes the password of account; a missing one is not an error.
func (SystemKeychain) Delete(account string) error {
	err := keyring.Delete(KeyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return keychainErr("delete", account, err)
}

// keychainErr maps go-keyring's errors: only ErrNotFound is a sentinel
// there, so anything else (no D-Bus, no Secret Service, locked collection)
// means the keychain cannot be used. go-keyring's messages never contain
// the secret.
func keychainErr(op, account string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("keychain %s %s: %w", op, account, ErrNoPassword)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return fmt.Errorf("keychain %s %s: %w", op, account, err)
	}
	return fmt.Errorf("keychain %s %s: %w: %v", op, account, ErrKeychainUnavailable, err)
}

// MemoryKeychain keeps passwords in memory for this session only: the
// fallback when the system keychain is unavailable.
type MemoryKeychain struct {
	mu sync.Mutex
	pw map[string]string
}

// Get returns the password given earlier in this session, or ErrNoPassword.
func (m *MemoryKeychain) Get(account string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	pw, ok := m.pw[account]
	if !ok {
		return "", fmt.Errorf("session password of %s: %w", account, ErrNoPassword)
	}
	return pw, nil
}

// Set remembers the password until Hygie quits.
func (m *MemoryKeychain) Set(account, password string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pw == nil {
		m.pw = map[string]string{}
	}
	m.pw[account] = password
	return nil
}

// Delete forgets the password.
func (m *MemoryKeychain) Delete(account string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pw, account)
	return nil
}
