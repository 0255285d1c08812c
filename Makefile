# Hygie — two commands on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds and opens the app
#   make test   installs what the tests need and runs every test
# Also: make bench (benchmarks as a table), make screenshots (docs/screenshots/*.png),
#   make package (installers in dist/, see docs/packaging.md), make package-test.
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

# --- Version stamped into every build (packaging) ---------------------------
# hygie/version gets the version from FyneApp.toml, the commit ("inconnu"
# outside git) and the UTC build date (SOURCE_DATE_EPOCH, if set, fixes it).
VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILD_NUM := $(shell sed -n 's/^ *Build *= *\([0-9][0-9]*\).*/\1/p' FyneApp.toml)
COMMIT    := $(shell git rev-parse --short HEAD 2>/dev/null || echo inconnu)
DATE      := $(shell date -u $${SOURCE_DATE_EPOCH:+-d @$$SOURCE_DATE_EPOCH} +%Y-%m-%d)
LDFLAGS   := -X hygie/version.Version=$(VERSION) \
  -X hygie/version.Commit=$(COMMIT) -X hygie/version.Date=$(DATE)
# OAuth2 client IDs of Hygie's own registrations, empty in a developer build.
MS_CLIENT_ID ?=
GOOGLE_CLIENT_ID ?=
GOOGLE_CLIENT_SECRET ?=
LDFLAGS   += -X hygie/mail/oauth.microsoftClientID=$(MS_CLIENT_ID) -X hygie/mail/oauth.googleClientID=$(GOOGLE_CLIENT_ID) -X hygie/mail/oauth.googleClientSecret=$(GOOGLE_CLIENT_SECRET)
# --- end of version block ----------------------------------------------------

# Debian packages: to build the window (Fyne: OpenGL, X11, Wayland headers) ...
BUILD_PKGS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
  libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev
# ... and to test it: a virtual display, a real Secret Service, a real IMAP
# server, PDF text extraction, and the Windows cross-compiler.
TEST_PKGS := $(BUILD_PKGS) xvfb xauth xdotool imagemagick fonts-dejavu-core \
  dbus dbus-x11 gnome-keyring libsecret-tools dovecot-imapd openssl poppler-utils \
  gcc-mingw-w64-x86-64

# --- Packaging (make package, make package-test; docs/packaging.md) ---------
# Debian packages to build the installers (NSIS, icon extraction, xz,
# Authenticode signing) and to try them here (Wine, a virtual display).
PKG_PKGS := $(BUILD_PKGS) gcc-mingw-w64-x86-64 nsis icoutils xz-utils osslsigncode \
  binutils dpkg-dev wine wine64 xvfb xauth xdotool imagemagick dbus openssl
# Tools we run, not code in the tree: pinned, installed from the Go module
# proxy under the ignored bin/.
FYNE_TOOLS_VERSION := v1.7.4
GO_WINRES_VERSION  := v0.3.3
FYNE      := bin/tools/fyne-$(FYNE_TOOLS_VERSION)/fyne
GO_WINRES := bin/tools/go-winres-$(GO_WINRES_VERSION)/go-winres
# Icon, manifest and version resources linked into hygie.exe by go build.
WIN_SYSO  := rsrc_windows_amd64.syso
DIST      := dist
PKG_BIN   := bin/pkg
SETUP_EXE := $(DIST)/hygie-$(VERSION)-setup.exe
DEB       := $(DIST)/hygie_$(VERSION)_amd64.deb
TARBALL   := $(DIST)/hygie-$(VERSION)-linux-amd64.tar.xz
# Code signing, only when a certificate is given: SIGN_PKCS12=cert.p12, or
# SIGN_CERT=cert.pem SIGN_KEY=key.pem; the key's password, if any, in the
# file SIGN_PASS_FILE (never on the command line); SIGN_TIMESTAMP_URL optional.
export SIGN_PKCS12 SIGN_CERT SIGN_KEY SIGN_PASS_FILE SIGN_TIMESTAMP_URL
SIGNING   := $(if $(SIGN_PKCS12)$(SIGN_CERT),yes)
# --- end of packaging variables ----------------------------------------------

.PHONY: run build test bench screenshots startup deps-build deps-test check-go \
  tidy-check fmt-check vet unit windows smoke clean \
  package package-test deps-package changelog-check package-linux package-windows \
  pkg-linux-bin pkg-windows-bin

run: deps-build build
	./$(BIN)

build: check-go
	go build -ldflags "$(LDFLAGS)" -o $(BIN) .

test: deps-test tidy-check fmt-check vet unit windows smoke package-test
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

# The domain packages and their tests must also build for Windows and
# macOS, where most practitioners are (the ui package needs cgo there and
# is covered by the Windows cross-build).
vet:
	go vet ./... ./.ci/demo-mail
	for os in windows darwin; do \
	  CGO_ENABLED=0 GOOS=$$os go vet $$(go list ./... | grep -v -e '^hygie$$' -e '^hygie/ui') || exit 1; \
	done

# Every test, with the race detector and Fyne's thread checks on, inside a
# private D-Bus session with an unlocked gnome-keyring (the real Secret
# Service go-keyring talks to). Tests start their own Dovecot.
unit:
	.ci/with-keyring go test -race -count=1 -timeout 40m ./...

# The Windows build must keep compiling (probes, keychain and GLFW differ there).
# The .syso gives it the icon and version resources (see Packaging below).
windows: $(WIN_SYSO)
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
	rm -rf bin dist $(WIN_SYSO)

# --- Packaging ---------------------------------------------------------------
# make package: dist/hygie-VERSION-setup.exe (NSIS, per-user),
# dist/hygie_VERSION_amd64.deb and dist/hygie-VERSION-linux-amd64.tar.xz.
# The shipped binaries reuse the compile cache of `build` and `windows`
# (same flags); only the link differs (-s -w: no debug tables).
package: deps-package changelog-check package-windows package-linux
	cd $(DIST) && sha256sum $(notdir $(SETUP_EXE) $(DEB) $(TARBALL)) > SHA256SUMS
	@ls -l $(SETUP_EXE) $(DEB) $(TARBALL)

deps-package: check-go
	@.ci/apt-ensure $(PKG_PKGS)

changelog-check:
	@grep -q '^## \[$(VERSION)\]' CHANGELOG.md 2>/dev/null || { \
	  echo "CHANGELOG.md n'a aucune entrée pour la version $(VERSION) (celle de FyneApp.toml) :" >&2; \
	  echo "ajoutez une section « ## [$(VERSION)] - AAAA-MM-JJ » qui dit ce qui change, puis relancez make package." >&2; \
	  exit 1; }

$(FYNE):
	GOBIN=$(abspath $(dir $@)) go install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

$(GO_WINRES):
	GOBIN=$(abspath $(dir $@)) go install github.com/tc-hib/go-winres@$(GO_WINRES_VERSION)

$(WIN_SYSO): FyneApp.toml assets/icon.png | $(GO_WINRES)
	$(GO_WINRES) simply --arch amd64 --out rsrc --manifest gui --icon assets/icon.png \
	  --product-name Hygie --file-description Hygie --original-filename hygie.exe \
	  --copyright Hygie --product-version $(VERSION).$(BUILD_NUM) --file-version $(VERSION).$(BUILD_NUM)

pkg-linux-bin: check-go
	go build -ldflags "$(LDFLAGS) -s -w" -o $(PKG_BIN)/linux/hygie .

pkg-windows-bin: check-go $(WIN_SYSO)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  go build -ldflags "$(LDFLAGS) -s -w -H=windowsgui" -o $(PKG_BIN)/windows/hygie.exe .
	$(if $(SIGNING),packaging/sign-exe $(PKG_BIN)/windows/hygie.exe)

# fyne package makes the .tar.xz (binary, .desktop, icon, Makefile with
# install/user-install) from our binary; the .deb is built from its content.
# fyne package also rewrites FyneApp.toml with Build+1: we put it back, the
# build number changes only when a person edits it.
package-linux: pkg-linux-bin $(FYNE)
	rm -f Hygie.tar.xz
	cp FyneApp.toml $(PKG_BIN)/FyneApp.toml.keep
	$(FYNE) package -os linux --executable $(PKG_BIN)/linux/hygie; rc=$$?; \
	  cp $(PKG_BIN)/FyneApp.toml.keep FyneApp.toml; exit $$rc
	@mkdir -p $(DIST)
	mv Hygie.tar.xz $(TARBALL)
	packaging/linux/build-deb $(VERSION) $(TARBALL) $(DEB)

# The installer's icon is the one linked into hygie.exe.
package-windows: pkg-windows-bin
	wrestool -x -t 14 $(PKG_BIN)/windows/hygie.exe > $(PKG_BIN)/windows/hygie.ico
	@mkdir -p $(DIST)
	makensis -V2 -DVERSION=$(VERSION) -DVERSION4=$(VERSION).$(BUILD_NUM) \
	  -DEXE=$(abspath $(PKG_BIN)/windows/hygie.exe) -DICON=$(abspath $(PKG_BIN)/windows/hygie.ico) \
	  -DOUTFILE=$(abspath $(SETUP_EXE)) $(if $(SIGNING),-DSIGN_SCRIPT=$(abspath packaging/sign-exe)) \
	  packaging/windows/hygie.nsi

# Installs each package on this machine and uses it: the .deb in a
# throw-away dpkg root under Xvfb, the installer under Wine (install,
# hygie.exe version, uninstall with and without the user's data).
package-test: package
	@if $(MAKE) -s changelog-check VERSION=0.0.0-absent 2>/dev/null; then \
	  echo "package-test: changelog-check accepted a version with no entry" >&2; exit 1; fi
	.ci/package-test $(VERSION) $(DIST)
# --- end of packaging --------------------------------------------------------

# --- Golden files of the screens (ui/golden_test.go) ---------------------
# Rewrites ui/testdata/<section>/<state>[.en].xml from the screens as they
# render now. Only after a deliberate change of a screen: read
# `git diff ui/testdata` before committing the new files.
.PHONY: golden
golden: check-go
	go test -count=1 -run 'TestGolden|TestDiagnosticAssessedScreens' ./ui/ -args -update
	@git status --short ui/testdata
