# Hygie — two commands on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds and opens the app
#   make test   installs what the tests need and runs every test
# Also: make bench (benchmarks as a table), make screenshots (docs/screenshots/*.png).
# Official releases sign in to Microsoft and Google with Hygie's own client IDs:
#   make build MS_CLIENT_ID=… GOOGLE_CLIENT_ID=… GOOGLE_CLIENT_SECRET=…
# (docs/mailbox.md, "Microsoft and Google sign-in"); without them the build
# cannot sign in there and says so.

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
# Go >= 1.21 fetches the toolchain go.mod asks for from the Go module proxy.
export GOTOOLCHAIN ?= auto
# Fyne bundles a 4 MB colour-emoji font and parses it for every text style,
# about 8 MB of memory for glyphs Hygie never writes; without it, an emoji in
# a mail subject is drawn from the system's fonts. Every go command here
# (build, vet, tests, benchmarks) sees the same tag.
export GOFLAGS += -tags=no_emoji

BIN       := bin/hygie
VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS   := -X hygie/version.Version=$(VERSION)
# OAuth2 client IDs of Hygie's own registrations, empty in a developer build.
MS_CLIENT_ID ?=
GOOGLE_CLIENT_ID ?=
GOOGLE_CLIENT_SECRET ?=
LDFLAGS   += -X hygie/mail/oauth.microsoftClientID=$(MS_CLIENT_ID) -X hygie/mail/oauth.googleClientID=$(GOOGLE_CLIENT_ID) -X hygie/mail/oauth.googleClientSecret=$(GOOGLE_CLIENT_SECRET)

# Debian packages: to build the window (Fyne: OpenGL, X11, Wayland headers) ...
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
  libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# ... and to test it: a virtual display, a real Secret Service, a real IMAP
# server, PDF text extraction, and the Windows cross-compiler.
TEST_PKGS := $(BUILD_PKGS) xvfb xauth xdotool imagemagick fonts-dejavu-core \
  dbus dbus-x11 gnome-keyring libsecret-tools dovecot-imapd openssl poppler-utils \
  gcc-mingw-w64-x86-64

.PHONY: run build test bench screenshots startup deps-build deps-test check-go \
  tidy-check fmt-check vet unit windows smoke clean

run: deps-build build
	./$(BIN)

build: check-go
	go build -ldflags "$(LDFLAGS)" -o $(BIN) .

test: deps-test tidy-check fmt-check vet unit windows smoke
	@echo "make test: all checks passed"

deps-build: check-go
	@.ci/apt-ensure $(BUILD_PKGS)

deps-test: check-go
	@.ci/apt-ensure $(TEST_PKGS)

check-go:
	@command -v go >/dev/null || { echo "Go est absent : installez Go 1.21 ou plus récent (https://go.dev/dl/), puis relancez make." >&2; exit 1; }

# go.mod and go.sum must be what `go mod tidy` writes: every requirement
# used, none missing, direct ones outside the "// indirect" block.
tidy-check: check-go
	@go mod tidy -diff || { echo "go.mod ou go.sum n'est pas à jour : lancez « go mod tidy », puis relancez make test." >&2; exit 1; }

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	 if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet ./... ./.ci/demo-mail

# Every test, with the race detector and Fyne's thread checks on, inside a
# private D-Bus session with an unlocked gnome-keyring (the real Secret
# Service go-keyring talks to). Tests start their own Dovecot.
unit:
	.ci/with-keyring go test -race -count=1 -timeout 40m ./...

# The Windows build must keep compiling (probes, keychain and GLFW differ there).
windows:
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  go build -ldflags "$(LDFLAGS) -H=windowsgui" -o bin/hygie.exe .

# The real window under Xvfb: it opens, shows something, and exits cleanly.
smoke: build
	.ci/smoke $(BIN)

bench: deps-test build
	.ci/with-keyring .ci/bench
	.ci/startup $(BIN)

startup: deps-test build
	.ci/startup $(BIN)

screenshots: deps-test build
	.ci/screenshots $(BIN) docs/screenshots

clean:
	rm -rf bin

# --- Golden files of the screens (ui/golden_test.go) ---------------------
# Rewrites ui/testdata/<section>/<state>[.en].xml from the screens as they
# render now. Only after a deliberate change of a screen: read
# `git diff ui/testdata` before committing the new files.
.PHONY: golden
golden: check-go
	go test -count=1 -run 'TestGolden$$' ./ui/ -args -update
	@git status --short ui/testdata
