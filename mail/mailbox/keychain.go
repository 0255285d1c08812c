package mailbox

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
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

// A refresh token does not fit in one entry everywhere: Windows'
// Credential Manager takes at most 2560 bytes and Microsoft's refresh
// tokens can pass that. So the token is cut into chunks of tokenChunk
// bytes, each its own entry "NAME#oauth2.GEN.I", and an index entry
// "NAME#oauth2" says "1 GEN N". A new token is written under a new GEN
// before the index points to it, so a failure halfway leaves the previous
// token whole. 2,000 bytes also fit macOS, where go-keyring base64-encodes
// the secret into a `security` command of at most 4,096 bytes.
const tokenChunk = 2000

func tokenIndexKey(account string) string { return account + "#oauth2" }

func tokenChunkKey(account, gen string, i int) string {
	return fmt.Sprintf("%s#oauth2.%s.%d", account, gen, i)
}

// SaveToken puts the refresh token of account in kc, replacing any other.
func SaveToken(kc Keychain, account, token string) error {
	if token == "" {
		return fmt.Errorf("save sign-in of %s: %w", account, ErrNoRefreshToken)
	}
	old, oldN, _ := tokenIndex(kc, account)
	gen := newGeneration()
	n := (len(token) + tokenChunk - 1) / tokenChunk
	for i := range n {
		part := token[i*tokenChunk : min((i+1)*tokenChunk, len(token))]
		if err := kc.Set(tokenChunkKey(account, gen, i), part); err != nil {
			deleteChunks(kc, account, gen, i)
			return fmt.Errorf("save sign-in of %s: %w", account, err)
		}
	}
	if err := kc.Set(tokenIndexKey(account), fmt.Sprintf("1 %s %d", gen, n)); err != nil {
		deleteChunks(kc, account, gen, n)
		return fmt.Errorf("save sign-in of %s: %w", account, err)
	}
	if old != "" && old != gen {
		deleteChunks(kc, account, old, oldN)
	}
	return nil
}

// LoadToken returns the refresh token of account, or ErrNoToken.
func LoadToken(kc Keychain, account string) (string, error) {
	gen, n, err := tokenIndex(kc, account)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := range n {
		part, err := kc.Get(tokenChunkKey(account, gen, i))
		if errors.Is(err, ErrNoPassword) {
			return "", fmt.Errorf("read sign-in of %s: part %d missing: %w", account, i, ErrNoToken)
		}
		if err != nil {
			return "", fmt.Errorf("read sign-in of %s: %w", account, err)
		}
		b.WriteString(part)
	}
	return b.String(), nil
}

// DeleteToken removes the refresh token of account; none is not an error.
func DeleteToken(kc Keychain, account string) error {
	gen, n, err := tokenIndex(kc, account)
	if errors.Is(err, ErrNoToken) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := kc.Delete(tokenIndexKey(account)); err != nil {
		return err
	}
	return deleteChunks(kc, account, gen, n)
}

// DeleteSecrets removes every keychain entry of account: its password and
// its sign-in.
func DeleteSecrets(kc Keychain, account string) error {
	return errors.Join(kc.Delete(account), DeleteToken(kc, account))
}

func tokenIndex(kc Keychain, account string) (gen string, n int, err error) {
	idx, err := kc.Get(tokenIndexKey(account))
	if errors.Is(err, ErrNoPassword) {
		return "", 0, fmt.Errorf("read sign-in of %s: %w", account, ErrNoToken)
	}
	if err != nil {
		return "", 0, fmt.Errorf("read sign-in of %s: %w", account, err)
	}
	var version int
	if _, err := fmt.Sscanf(idx, "%d %s %d", &version, &gen, &n); err != nil || version != 1 || n <= 0 || n > 64 {
		return "", 0, fmt.Errorf("read sign-in of %s: unreadable index: %w", account, ErrNoToken)
	}
	return gen, n, nil
}

func deleteChunks(kc Keychain, account, gen string, n int) error {
	var errs []error
	for i := range n {
		errs = append(errs, kc.Delete(tokenChunkKey(account, gen, i)))
	}
	return errors.Join(errs...)
}

func newGeneration() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}
