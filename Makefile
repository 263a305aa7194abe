# immivault: build, run and test.
#
#   make run     install what is missing, build, start the desktop app (ARGS="--vault DIR")
#   make test    install what is missing, vet, test the engine without cgo, build the
#                Windows app and the Linux package, test the GUI (in a real window too),
#                and run the Windows build's tests under Wine (make test-windows)
#   make dist    the downloads, in dist/: Windows zip and MSI, Linux archives, SHA256SUMS
#
# Installing system packages is automatic on Debian and Ubuntu only; README.md
# lists the prerequisites for macOS and Windows.

GO ?= go
FUZZTIME ?= 10s
ARGS ?=

AGE_VERSION := v1.3.2
FYNE_VERSION := v1.7.4
TOOLS := $(CURDIR)/.tools/bin
EXE := $(if $(filter Windows_NT,$(OS)),.exe)

# Fyne's cgo driver needs a C compiler and the OpenGL and X11 headers.
FYNE_APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev
# Scanned notices are read by tesseract compiled to WebAssembly, inside the app
# (internal/ocr): no OCR package is installed. make bench compares it with the
# tesseract program only where that is installed (apt-get install tesseract-ocr).
# The real-window test (cmd/immivault/window_test.go): a virtual display with
# software OpenGL, xdotool to type and ImageMagick's import for screenshots,
# which the app's own OCR engine reads. Under CI it fails without them.
WINDOW_APT_PACKAGES := xvfb libgl1-mesa-dri xdotool imagemagick
# make windows cross-compiles with MinGW-w64; make package's archive is tar.xz.
WINDOWS_APT_PACKAGES := gcc-mingw-w64
# make test-windows runs the Windows build under Wine (64-bit only).
WINE_APT_PACKAGES := wine wine64
PACKAGE_APT_PACKAGES := xz-utils
# The bundle tests open a bundle with the stock unzip; its benchmark compares with zip | age.
SHARING_APT_PACKAGES := zip unzip
# The calendar export is read back by an independent iCalendar parser, with /usr/bin/python3.
CALENDAR_APT_PACKAGES := python3-icalendar
# Authenticator codes are checked against oath-toolkit's oathtool, an independent implementation.
TOTP_APT_PACKAGES := oathtool

.PHONY: deps test-deps go-version tools build run test test-windows wine-prefix package bench accuracy fuzz windows cross dist clean

deps: go-version
	@$(call apt_install,$(FYNE_APT_PACKAGES))

# Everything make test needs, in one apt-get run.
test-deps: go-version
	@$(call apt_install,$(FYNE_APT_PACKAGES) $(WINDOW_APT_PACKAGES) $(WINDOWS_APT_PACKAGES) $(WINE_APT_PACKAGES) $(PACKAGE_APT_PACKAGES) $(SHARING_APT_PACKAGES) $(CALENDAR_APT_PACKAGES) $(TOTP_APT_PACKAGES))

go-version:
	@v=$$($(GO) env GOVERSION 2>/dev/null) || { \
		echo "deps: the go command was not found; install Go 1.26 or newer from https://go.dev/dl/" >&2; exit 1; }; \
	minor=$$(echo "$$v" | sed -n 's/^go1\.\([0-9]*\).*/\1/p'); \
	if [ -n "$$minor" ] && [ "$$minor" -lt 26 ]; then \
		echo "deps: found $$v, but immivault needs Go 1.26 or newer (https://go.dev/dl/)" >&2; exit 1; fi

tools:
	@if [ -x "$(TOOLS)/age$(EXE)" ] && [ -x "$(TOOLS)/age-keygen$(EXE)" ] && \
		[ "$$("$(TOOLS)/age$(EXE)" --version)" = "$(AGE_VERSION)" ]; then :; else \
		echo "tools: installing age $(AGE_VERSION) into .tools/bin"; \
		GOBIN="$(TOOLS)" $(GO) install filippo.io/age/cmd/age@$(AGE_VERSION) filippo.io/age/cmd/age-keygen@$(AGE_VERSION); \
	fi
	@if [ -x "$(TOOLS)/fyne$(EXE)" ] && \
		"$(TOOLS)/fyne$(EXE)" version 2>/dev/null | grep -qx 'fyne cli version: $(FYNE_VERSION)'; then :; else \
		echo "tools: installing the fyne CLI $(FYNE_VERSION) into .tools/bin"; \
		GOBIN="$(TOOLS)" $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION); \
	fi

build: deps
	$(GO) build -o bin/immivault$(EXE) ./cmd/immivault
	CGO_ENABLED=0 $(GO) build -o bin/immivault-cli$(EXE) ./cmd/immivault-cli

run: deps build
	./bin/immivault$(EXE) $(ARGS)

# The engine (everything but cmd/immivault and internal/ui) must build and
# pass without cgo; the interop tests run the reference age CLI from PATH.
# The Windows build and the Linux package take seconds once Go's build cache
# has them (the first time, about 15 and 5 minutes on two cores); the package
# is compressed with xz -1 here, 5 s instead of 20 s or more with xz's default,
# for an archive 10% larger. The GUI's tests include TestRealWindow, which starts the
# app under Xvfb, unlocks a vault made with immivault-cli and reads the window
# with the app's OCR engine; with CI set it fails rather than skips when those programs
# are missing.
test: export PATH := $(TOOLS):$(PATH)
test: test-deps tools
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) test -timeout 30m ./internal/... ./cmd/immivault-cli/...
	@$(MAKE) --no-print-directory windows
	@$(MAKE) --no-print-directory cross
	@XZ_OPT=-1 $(MAKE) --no-print-directory package
	@$(MAKE) --no-print-directory wine-prefix
	$(GO) test -timeout 30m ./cmd/immivault/...
	@$(MAKE) --no-print-directory test-windows

# A Linux package, bin/immivault.tar.xz (the app in release mode, its icon
# and a .desktop file, with a Makefile that installs them), made by fyne
# package from the repository's FyneApp.toml and Icon.png. fyne reads
# FyneApp.toml only from its --src folder, and the repository keeps it at the
# root, so its [Details] go in as flags (a test checks the file holds nothing
# else). fyne builds the app itself, into --executable (which must not exist,
# or fyne would package it as it is), with a generated fyne_metadata_init.go
# beside main.go that it removes afterwards; so does the trap if interrupted,
# with any half-written archive. It runs in bin/, where it writes the archive.
package: deps tools
	@[ "$$($(GO) env GOOS)" = linux ] || { echo "package: makes the Linux package, on Linux" >&2; exit 1; }
	@$(call apt_install,$(PACKAGE_APT_PACKAGES))
	@for v in "Icon=$(call fyneapp,Icon)" "ID=$(call fyneapp,ID)" "Name=$(call fyneapp,Name)" \
		"Version=$(call fyneapp,Version)" "Build=$(call fyneapp,Build)"; do \
		[ -n "$${v#*=}" ] || { echo "package: FyneApp.toml has no $${v%%=*} in [Details]" >&2; exit 1; }; \
	done
	@set -e; src="$(CURDIR)/cmd/immivault"; exe="$(CURDIR)/bin/package/immivault"; \
	tarball="$(CURDIR)/bin/$(call fyneapp,Name).tar.xz"; \
	clean() { st=$$?; rm -f "$$src/fyne_metadata_init.go"; rm -rf "$(CURDIR)/bin/package" "$(CURDIR)/bin/tmp-pkg"; \
		[ "$$st" = 0 ] || rm -f "$$tarball"; }; \
	trap clean EXIT; trap 'exit 130' INT TERM; \
	clean; mkdir -p "$(CURDIR)/bin/package"; \
	echo "fyne package: $(call fyneapp,Name) $(call fyneapp,Version) ($(call fyneapp,Build)), $(call fyneapp,ID)"; \
	cd bin && "$(TOOLS)/fyne$(EXE)" package --target linux --release --src "$$src" --executable "$$exe" \
		--icon "$(CURDIR)/$(call fyneapp,Icon)" --app-id "$(call fyneapp,ID)" --name "$(call fyneapp,Name)" \
		--app-version "$(call fyneapp,Version)" --app-build "$(call fyneapp,Build)"
	@ls -l bin/$(call fyneapp,Name).tar.xz

# The issue's performance budgets, measured side by side with the age CLI in
# the same run, as one table (raw `go test -bench` output in bin/bench.txt).
bench: export PATH := $(TOOLS):$(PATH)
bench: tools
	@mkdir -p bin
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench 'Unlock$$|Scrypt' -benchtime 5x ./internal/vault | tee bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench 'AfterScrypt|Save|5MB' -benchmem ./internal/vault | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench 'ChangeKey100MB|Reencrypt100MB' -benchtime 2x ./internal/vault | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . ./cmd/immivault-cli | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench 500MB -benchtime 3x ./internal/bundle ./internal/backup | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . ./internal/notice | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench Recognize -cpu 1 -benchtime 4x ./internal/ocr | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . -benchtime 10x ./internal/ui/... | tee -a bin/bench.txt
	CGO_ENABLED=0 $(GO) test -run '^$$' -bench . -benchmem ./internal/strength | tee -a bin/bench.txt
	@awk -f docs/benchtable.awk bin/bench.txt

# The notice reader's accuracy on the independent corpus (docs/notice-corpus.md):
# 39 layouts, 780 notices (text PDFs and scans of eight kinds, read by the OCR
# engine inside the app), a table per layout and field; about 20 minutes on two
# idle cores (OCR reads one page at a time, as the app does). It reports and sets no bar; a
# sample of it runs in make test (internal/notice/corpus).
accuracy: export PATH := $(TOOLS):$(PATH)
accuracy: deps
	$(GO) run ./internal/notice/corpus/accuracy

# go test -list prints each package's Fuzz targets, then "ok <package>".
fuzz:
	@set -e; \
	listing=$$(CGO_ENABLED=0 $(GO) test -list '^Fuzz' ./internal/...); \
	targets=$$(echo "$$listing" | awk '/^Fuzz/ { names = names " " $$1 } /^ok/ { n = split(names, f); for (i = 1; i <= n; i++) print $$2 "/" f[i]; names = "" }'); \
	[ -n "$$targets" ] || { echo "fuzz: no Fuzz targets in ./internal/..."; exit 0; }; \
	for t in $$targets; do \
		echo "fuzz: $${t%/*} $${t##*/} for $(FUZZTIME)"; \
		CGO_ENABLED=0 $(GO) test -run '^$$' -fuzz "^$${t##*/}\$$" -fuzztime $(FUZZTIME) "$${t%/*}"; \
	done

# A Windows build of the desktop app, cross-compiled with MinGW-w64.
# -H=windowsgui keeps Windows from opening a console beside the window.
windows:
	@$(call apt_install,gcc-mingw-w64)
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -ldflags -H=windowsgui -o bin/immivault.exe ./cmd/immivault

# The engine and the CLI need no cgo, so they are vetted and built for macOS
# (Intel and Apple silicon) and Windows from here: what only compiles there
# is listed in docs/platforms.md. The desktop app needs cgo and each OS's
# own toolchain (make windows cross-compiles it with MinGW-w64).
CROSS_TARGETS := darwin/amd64 darwin/arm64 windows/amd64
cross:
	@pkgs=$$($(GO) list ./internal/... ./cmd/immivault-cli | grep -v '/internal/ui'); \
	for t in $(CROSS_TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ "$$os" = windows ] && ext=.exe; \
		echo "cross: go vet and build the engine and CLI for $$os/$$arch"; \
		GOOS=$$os GOARCH=$$arch CGO_ENABLED=0 $(GO) vet $$pkgs || exit 1; \
		GOOS=$$os GOARCH=$$arch CGO_ENABLED=0 $(GO) build -o bin/$$os-$$arch/immivault-cli$$ext ./cmd/immivault-cli || exit 1; \
	done

# The Windows build's tests, run under Wine in the prefix testing/wine/setup
# makes (.tools/wine): the engine's and the CLI's package tests (the CLI's
# script tests among them) built for Windows and run by go test -exec, but
# internal/archtest, which checks the source tree with the go command. The
# tag wine and -checklinkname=0 let internal/wine switch os.RemoveAll to the
# path Wine supports (internal/wine says why). One package at a time (-p 1):
# Wine's process creation fails now and then ("Internal error") when the vault's
# crash tests kill processes while another package starts its own. The app's window under Wine
# is tested with the Linux one, by go test ./cmd/immivault.
WINE_PREFIX := $(CURDIR)/.tools/wine
WINE_TOOLS := $(CURDIR)/.tools/wine-age-$(AGE_VERSION)
WINE_TEST_FLAGS := -tags wine -ldflags=-checklinkname=0

wine-prefix:
	@$(call apt_install,$(WINE_APT_PACKAGES) $(WINDOWS_APT_PACKAGES))
	@AGE_VERSION=$(AGE_VERSION) GO=$(GO) testing/wine/setup "$(WINE_PREFIX)" "$(WINE_TOOLS)"

test-windows: export WINEPREFIX := $(WINE_PREFIX)
test-windows: export WINEPATH := Z:$(subst /,\,$(WINE_TOOLS))
test-windows: wine-prefix
	@pkgs=$$($(GO) list ./internal/... ./cmd/immivault-cli | grep -v -e '/internal/ui' -e '/internal/wine$$' -e '/internal/archtest'); \
	echo "test-windows: the engine's and the CLI's tests, built for Windows, under Wine"; \
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) test -p 1 -exec "$(CURDIR)/testing/wine/exec" $(WINE_TEST_FLAGS) $$pkgs
	@echo "test-windows: the low locked-memory tests, with 64 KiB lockable (Wine's VirtualLock obeys Linux's limit)"
	@caps=; [ "$$(id -u)" != 0 ] || caps="setpriv --inh-caps=-ipc_lock --bounding-set=-ipc_lock"; \
	IMMIVAULT_TEST_MEMLOCK_KIB=64 GOOS=windows GOARCH=amd64 CGO_ENABLED=0 prlimit --memlock=65536:65536 $$caps \
		$(GO) test -exec "$(CURDIR)/testing/wine/exec" $(WINE_TEST_FLAGS) -run 'LowLockedMemory' ./internal/secret ./cmd/immivault-cli

# The downloads, in dist/: for Windows, immivault-VERSION-windows-amd64.zip
# (the app, immivault-cli.exe and a README.txt for applicants) and an MSI
# of the same files (a per-user install: no administrator rights needed);
# for Linux, make package's archive renamed and immivault-cli alone; and
# SHA256SUMS of them all. VERSION is FyneApp.toml's Version, and nothing
# else says it: fyne package writes it (with Build) into the Windows app's
# version information, -X main.version into each immivault-cli, wixl into
# the MSI. go test ./packaging then checks the downloads as a user gets
# them, and runs immivault-cli.exe under Wine when make wine-prefix has made
# the prefix.
# fyne package -os windows writes fyne.syso (icon, manifest, version
# information) and fyne_metadata_init.go into its --src folder for the
# length of its build: in cmd/immivault, a Windows object file would break
# every other build of the app made meanwhile, so it builds a copy of the
# package's files in bin/_dist (the go command's ./... skips names that
# start with _). It builds the app twice when its --executable is missing,
# without the resources and then with them; an empty file there skips the
# first. The executable is named after --name, or fyne renames it in the
# wrong folder. wixl reads the files the .wxs names from the folder it runs
# in; the MSI's product code is derived from the version, so that a rebuild
# of one version is the same product and a new version replaces the old.
# With Go's cache warm it takes about a minute. The first time, the Windows
# app's release build takes about 16 minutes on two cores (-trimpath: it
# shares nothing with make windows's), and make package's about 8.
DIST_APT_PACKAGES := $(WINDOWS_APT_PACKAGES) $(PACKAGE_APT_PACKAGES) zip imagemagick wixl msitools
dist: deps tools
	@[ "$$($(GO) env GOOS)/$$($(GO) env GOARCH)" = linux/amd64 ] || { echo "dist: makes the downloads on Linux amd64" >&2; exit 1; }
	@$(call apt_install,$(DIST_APT_PACKAGES))
	@$(MAKE) --no-print-directory package
	@set -e; v="$(call fyneapp,Version)"; name="$(call fyneapp,Name)"; \
	echo "$$v" | grep -Eqx '[0-9]+\.[0-9]+\.[0-9]+' || { echo "dist: FyneApp.toml's Version \"$$v\" is not x.y.z" >&2; exit 1; }; \
	work="$(CURDIR)/bin/_dist"; out="$$work/out"; win="$$work/windows"; \
	trap 'rm -rf "$$work"' EXIT; trap 'exit 130' INT TERM; \
	rm -rf "$$work"; mkdir -p "$$work/src" "$$win" "$$work/linux" "$$out"; \
	(cd cmd/immivault && cp --parents $$(GOOS=windows GOARCH=amd64 CGO_ENABLED=1 $(GO) list -f '{{join .GoFiles " "}} {{join .EmbedFiles " "}}' .) "$$work/src/"); \
	echo "dist: fyne package -os windows: $$name $$v ($(call fyneapp,Build)), $(call fyneapp,ID)"; \
	: > "$$win/$$name"; \
	GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc "$(TOOLS)/fyne$(EXE)" package --target windows --release \
		--src "$$work/src" --executable "$$win/$$name" --icon "$(CURDIR)/$(call fyneapp,Icon)" \
		--app-id "$(call fyneapp,ID)" --name "$$name" --app-version "$$v" --app-build "$(call fyneapp,Build)"; \
	mv "$$win/$$name" "$$win/immivault.exe"; \
	[ "$$(head -c 2 "$$win/immivault.exe")" = MZ ] || { echo "dist: fyne package made no Windows program" >&2; exit 1; }; \
	echo "dist: immivault-cli for windows/amd64 and linux/amd64"; \
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$$v" -o "$$win/immivault-cli.exe" ./cmd/immivault-cli; \
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$$v" -o "$$work/linux/immivault-cli" ./cmd/immivault-cli; \
	"$$work/linux/immivault-cli" version | grep -q "^immivault-cli $$v " || { echo "dist: immivault-cli does not report version $$v" >&2; exit 1; }; \
	sed -e "s/@VERSION@/$$v/g" -e 's/$$/\r/' packaging/windows/README.txt > "$$win/README.txt"; \
	(cd "$$win" && zip -q -X -9 "$$out/immivault-$$v-windows-amd64.zip" immivault.exe immivault-cli.exe README.txt); \
	echo "dist: wixl: immivault-$$v-windows-amd64.msi"; \
	convert "$(CURDIR)/$(call fyneapp,Icon)" -define icon:auto-resize=256,64,48,32,16 "$$win/immivault.ico"; \
	product=$$(printf 'immivault %s windows-amd64 msi' "$$v" | sha256sum | tr a-f A-F | \
		sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*/\1-\2-5\3-8\4-\5/'); \
	(cd "$$win" && wixl -a x64 -D Version="$$v" -D ProductCode="$$product" -D SourceDir=. \
		-o "$$out/immivault-$$v-windows-amd64.msi" "$(CURDIR)/packaging/windows/immivault.wxs"); \
	cp "bin/$$name.tar.xz" "$$out/immivault-$$v-linux-amd64.tar.xz"; \
	tar -C "$$work/linux" --owner=0 --group=0 -cJf "$$out/immivault-cli-$$v-linux-amd64.tar.xz" immivault-cli; \
	(cd "$$out" && sha256sum -- immivault-* > SHA256SUMS); \
	rm -rf dist; mv "$$out" dist
	$(GO) test -count=1 ./packaging
	@ls -l dist

clean:
	-[ ! -d .tools/wine ] || WINEPREFIX="$(WINE_PREFIX)" wineserver -k 2>/dev/null
	rm -rf bin .tools dist

# fyneapp is the value of key $(1) in FyneApp.toml's [Details], unquoted.
fyneapp = $(shell awk '/^[ \t]*\[/ { s = $$0; gsub(/[ \t]/, "", s) } \
	s == "[Details]" && match($$0, /^[ \t]*$(1)[ \t]*=/) { \
		v = substr($$0, RLENGTH + 1); gsub(/^[ \t"]+|[ \t"]+$$/, "", v); print v }' FyneApp.toml)

# apt_install installs those of the Debian packages $(1) that are missing:
# directly when root, through sudo when it needs no password, and otherwise
# prints the command to run and fails. Without dpkg (macOS, Windows, other
# Linux distributions) it only says what to install and carries on.
define apt_install
if ! command -v dpkg-query >/dev/null 2>&1; then \
	echo "deps: not Debian or Ubuntu; make sure these (or your system's equivalent) are installed: $(1)"; \
	exit 0; \
fi; \
missing=""; \
for p in $(1); do \
	dpkg-query -W -f='$${db:Status-Abbrev}' "$$p" 2>/dev/null | grep -q '^ii' || missing="$$missing $$p"; \
done; \
[ -z "$$missing" ] && exit 0; \
if [ "$$(id -u)" = 0 ]; then sudo=""; \
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; \
else echo "deps: missing$$missing; install them with:" >&2; \
	echo "  sudo apt-get install -y$$missing" >&2; exit 1; \
fi; \
echo "deps: installing$$missing"; \
$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing
endef
