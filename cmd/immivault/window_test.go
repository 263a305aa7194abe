package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/image/draw"

	"immivault/internal/ocr"
)

// windowScript is what TestRealWindow does in the app's window and what it
// must then read there. It is the one place to change when the screens do.
//
// The vault it opens is made by prepareWindowVault: Ana Silva (first) with
// the receipt number EAC2512345678 and the A-number A012345678, and Luis
// Silva.
var windowScript = struct {
	title string // the window's exact title, which is how the test finds it
	steps []windowStep
}{
	title: "immivault",
	steps: []windowStep{
		{
			// The unlock screen, as it opens: its passphrase field has the
			// keyboard focus, so nothing needs a click. Nothing of the
			// vault shows before it is unlocked.
			name:   "unlock",
			absent: []string{"Ana Silva", "Luis Silva"},
		},
		{
			// The family list, the first person selected and her
			// identifiers masked (EAC••••••5678: OCR reads the dots as
			// anything, so only the ends are asserted).
			name:           "family",
			typePassphrase: true,
			want:           []string{"Ana Silva", "Luis Silva", "EAC", "5678"},
			absent:         []string{"2512345678", "012345678", windowPassphrase},
		},
	},
}

// A windowStep is one screen of windowScript.
type windowStep struct {
	name string // of the step, and of its screenshot (NAME.png)

	// typePassphrase types the vault's passphrase into whatever has the
	// keyboard focus, then presses Return, before the screen is read.
	typePassphrase bool

	// want are phrases the screen must show, compared without regard to case
	// or spacing. With none, the step waits until the window shows any text.
	want []string
	// absent must not be on the screen once want is (secrets in full).
	absent []string
}

const (
	windowPassphrase = "correct horse battery staple"
	screenSize       = "1280x800x24"
)

// TestRealWindow starts the desktop app under Xvfb on a vault made with
// immivault-cli, drives it with xdotool and reads its window with the OCR
// engine the app reads scans with (tesseract in WebAssembly, internal/ocr),
// step by step as windowScript says. Run it alone with
//
//	go test -v -run TestRealWindow ./cmd/immivault/
//
// With IMMIVAULT_SCREENSHOTS=DIR each step's screenshot is written to
// DIR/STEP.png (a relative DIR is taken from cmd/immivault, where go test
// runs); with -artifacts they are kept in the test's artifact directory too,
// a failing step's last one among them.
func TestRealWindow(t *testing.T) {
	runWindowScript(t, windowTarget{
		windowTimeout: 30 * time.Second,
		screenTimeout: 20 * time.Second,
		setup: func(t *testing.T, tmp string, home windowHome) (string, string, func(string) *windowProcess) {
			bin := filepath.Join(tmp, "bin")
			lap := time.Now()
			buildForWindowTest(t, bin, "immivault", ".", "CGO_ENABLED=1")
			t.Logf("timing: build the app: %v", elapsed(lap))
			vaultDir := filepath.Join(home.dir, "vault")
			start := func(display string) *windowProcess {
				return startWindowProcess(t, "immivault", filepath.Join(tmp, "immivault.log"),
					home.env("DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1", "FYNE_SCALE=1", "FYNE_THEME=light"),
					filepath.Join(bin, "immivault"), "--vault", vaultDir)
			}
			return vaultDir, vaultDir, start
		},
	})
}

// A windowTarget is one build of the app that runWindowScript drives: the
// Linux one, or the Windows one under Wine.
type windowTarget struct {
	// shotPrefix starts the names of the screenshots written to
	// IMMIVAULT_SCREENSHOTS, so that two builds' can share the folder.
	shotPrefix string
	// windowTimeout is how long the window may take to appear,
	// screenTimeout how long a step's words may take to show.
	windowTimeout, screenTimeout time.Duration
	// alsoWant adds phrases to windowScript's steps, by step name, for what
	// only this target's screens show.
	alsoWant map[string][]string
	// setup readies the build in tmp, the test's folder, and returns where
	// immivault-cli is to make the vault, the path the app is to be given
	// with --vault for that same folder (they differ under Wine), and how to
	// start the app on an X display.
	setup func(t *testing.T, tmp string, home windowHome) (vaultDir, vaultArg string, start func(display string) *windowProcess)
}

// runWindowScript builds immivault-cli, sets the target up, makes the vault
// with the CLI, starts the app on a display of its own and goes through
// windowScript's steps in its window.
func runWindowScript(t *testing.T, target windowTarget) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the real-window test")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the real-window test runs the app under Xvfb, on Linux only")
	}
	tools := needWindowTools(t)
	tmp := t.TempDir()
	started := time.Now()

	// The target first: it skips the test when what it needs is missing.
	home := newWindowHome(t, tmp)
	vaultDir, vaultArg, start := target.setup(t, tmp, home)

	bin := filepath.Join(tmp, "bin")
	lap := time.Now()
	// testhooks: the CLI honours IMMIVAULT_SCRYPT_LOGN only in test builds.
	buildForWindowTest(t, bin, "immivault-cli", "../immivault-cli", "CGO_ENABLED=0", "GOFLAGS=-tags=testhooks")
	t.Logf("timing: build the CLI: %v", elapsed(lap))

	lap = time.Now()
	prepareWindowVault(t, home, filepath.Join(bin, "immivault-cli"), vaultDir)
	t.Logf("timing: vault prepared with immivault-cli: %v", elapsed(lap))

	lap = time.Now()
	display := startXvfb(t, tools.xvfb, target.windowTimeout)
	t.Logf("timing: Xvfb ready on %s: %v", display, elapsed(lap))
	x := &xsession{t: t, tools: tools, display: display, home: home}

	lap = time.Now()
	t.Logf("the app: --vault %s", vaultArg)
	x.app = start(display)
	win := x.waitForWindow(windowScript.title, target.windowTimeout)
	t.Logf("timing: window %q appeared: %v", windowScript.title, elapsed(lap))

	shots := os.Getenv("IMMIVAULT_SCREENSHOTS")
	for _, step := range windowScript.steps {
		step.want = append(slices.Clip(step.want), target.alsoWant[step.name]...)
		lap = time.Now()
		if step.typePassphrase {
			x.focus(win)
			x.xdotool(strings.NewReader(windowPassphrase), "type", "--delay", "30", "--file", "-")
			x.xdotool(nil, "key", "Return")
		}
		shot, tries := x.waitForWords(step, target.screenTimeout)
		t.Logf("timing: step %s: read after %v (%d screenshots)", step.name, elapsed(lap), tries)
		if shots != "" {
			writeScreenshot(t, filepath.Join(shots, target.shotPrefix+step.name+".png"), shot)
		}
		// The window is looked up again at each step: the title must hold.
		win = x.waitForWindow(windowScript.title, 5*time.Second)
	}
	t.Logf("timing: whole test: %v", elapsed(started))
}

// windowTools are the programs TestRealWindow drives.
type windowTools struct {
	xvfb, xdotool, imagemagickImport string
}

// needWindowTools finds the programs, skipping the test without them, or
// failing it under CI (CI=anything), which must have them.
func needWindowTools(t *testing.T) windowTools {
	t.Helper()
	var tools windowTools
	var missing, packages []string
	for _, p := range []struct {
		dst     *string
		name    string
		aptName string
		whatFor string
	}{
		{&tools.xvfb, "Xvfb", "xvfb", "the virtual display"},
		{&tools.xdotool, "xdotool", "xdotool", "typing into the window"},
		{&tools.imagemagickImport, "import", "imagemagick", "screenshots"},
	} {
		path, err := exec.LookPath(p.name)
		if err != nil {
			missing = append(missing, p.name+" ("+p.whatFor+")")
			packages = append(packages, p.aptName)
			continue
		}
		*p.dst = path
	}
	if len(missing) == 0 {
		return tools
	}
	msg := fmt.Sprintf("the real-window test needs %s; on Debian or Ubuntu: apt-get install %s (make test installs them)",
		strings.Join(missing, ", "), strings.Join(packages, " "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return tools
}

// buildForWindowTest builds pkg into dir/name with extra environment.
func buildForWindowTest(t *testing.T, dir, name, pkg string, env ...string) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("building %s: %v", name, err)
	}
	cmd := exec.Command(gobin, "build", "-o", filepath.Join(dir, name), pkg)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, out)
	}
}

// windowHome is a home of the test's own: the app and the tools it runs
// read and write nothing of the user's.
type windowHome struct {
	dir  string
	base []string
}

func newWindowHome(t *testing.T, tmp string) windowHome {
	t.Helper()
	h := windowHome{dir: filepath.Join(tmp, "home")}
	dirs := map[string]string{
		"HOME":            h.dir,
		"XDG_CONFIG_HOME": filepath.Join(h.dir, ".config"),
		"XDG_CACHE_HOME":  filepath.Join(h.dir, ".cache"),
		"XDG_DATA_HOME":   filepath.Join(h.dir, ".local", "share"),
		"XDG_STATE_HOME":  filepath.Join(h.dir, ".local", "state"),
		"XDG_RUNTIME_DIR": filepath.Join(tmp, "run"),
		"TMPDIR":          filepath.Join(tmp, "tmp"),
	}
	for name, dir := range dirs {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		h.base = append(h.base, name+"="+dir)
	}
	h.base = append(h.base,
		"PATH="+os.Getenv("PATH"),
		"LANG=en_US.UTF-8", // the words the script expects are English
		// No session bus: nothing reaches the user's desktop session.
		"DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(tmp, "run", "no-bus"),
	)
	return h
}

// env is the home's environment plus extra, and nothing else of the
// test's: no IMMIVAULT_* setting, display or locale leaks in.
func (h windowHome) env(extra ...string) []string {
	return append(append([]string(nil), h.base...), extra...)
}

// prepareWindowVault makes the vault windowScript expects in vaultDir, with
// a cheap scrypt work factor so that unlocking it takes milliseconds.
func prepareWindowVault(t *testing.T, home windowHome, cli, vaultDir string) {
	t.Helper()
	passFile := filepath.Join(home.dir, "passphrase")
	if err := os.WriteFile(passFile, []byte(windowPassphrase), 0o600); err != nil {
		t.Fatal(err)
	}
	env := home.env("IMMIVAULT_PASSPHRASE_FILE="+passFile, "IMMIVAULT_SCRYPT_LOGN=10")
	for _, c := range []struct {
		stdin string
		args  []string
	}{
		{"", []string{"init"}},
		{"", []string{"person", "add", "Ana Silva", "--relation", "self", "--born", "1990-01-02"}},
		{"", []string{"person", "add", "Luis Silva", "--relation", "child", "--born", "2015-06-07"}},
		{"EAC2512345678\n", []string{"id", "set", "Ana Silva", "receipt-number"}},
		{"A012345678\n", []string{"id", "set", "Ana Silva", "a-number"}},
		{"", []string{"case", "add", "Ana Silva", "IOE0987654321", "--form", "I-485", "--received", "2025-01-02"}},
	} {
		cmd := exec.Command(cli, append([]string{"--vault", vaultDir}, c.args...)...)
		cmd.Env = env
		cmd.Stdin = strings.NewReader(c.stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("immivault-cli %s: %v\n%s", strings.Join(c.args, " "), err, out)
		}
	}
}

// startXvfb starts a virtual display on a display number Xvfb picks as
// free itself, and returns it (":N") once its socket is there, failing if
// that takes longer than timeout.
func startXvfb(t *testing.T, xvfb string, timeout time.Duration) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	logPath := filepath.Join(t.TempDir(), "xvfb.log")
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", screenSize, "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	p := startWindowCmd(t, "Xvfb", logPath, cmd)
	w.Close()

	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	var n string
	select {
	case n = <-number:
	case <-p.done:
	case <-time.After(timeout):
	}
	if _, err := strconv.Atoi(n); err != nil {
		t.Fatalf("Xvfb did not start a display (exited: %v)\n%s", p.exited(), logTail(logPath))
	}
	socket := "/tmp/.X11-unix/X" + n
	deadline := time.Now().Add(timeout)
	for {
		if _, err := os.Stat(socket); err == nil {
			return ":" + n
		}
		if time.Now().After(deadline) || p.exited() {
			t.Fatalf("Xvfb's socket %s did not appear\n%s", socket, logTail(logPath))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// windowProcess is a started program that t.Cleanup stops.
type windowProcess struct {
	name, log string
	cmd       *exec.Cmd
	done      chan struct{} // closed when it has exited
}

func (p *windowProcess) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func startWindowProcess(t *testing.T, name, logPath string, env []string, path string, args ...string) *windowProcess {
	t.Helper()
	cmd := exec.Command(path, args...)
	cmd.Env = env
	return startWindowCmd(t, name, logPath, cmd)
}

// startWindowCmd starts cmd with its output in logPath; at cleanup it is sent
// SIGTERM, and killed if it has not exited 5 s later.
func startWindowCmd(t *testing.T, name, logPath string, cmd *exec.Cmd) *windowProcess {
	t.Helper()
	log, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		t.Fatalf("starting %s: %v", name, err)
	}
	p := &windowProcess{name: name, log: logPath, cmd: cmd, done: make(chan struct{})}
	go func() {
		cmd.Wait()
		log.Close()
		close(p.done)
	}()
	t.Cleanup(func() {
		if !p.exited() {
			cmd.Process.Signal(syscall.SIGTERM)
		}
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-p.done
		}
		if out := logTail(logPath); t.Failed() && strings.TrimSpace(out) != "" {
			t.Logf("%s's output:\n%s", name, out)
		}
	})
	return p
}

// xsession drives the app's display.
type xsession struct {
	t       *testing.T
	tools   windowTools
	display string
	home    windowHome
	app     *windowProcess
	seq     int // numbers the screenshots kept as artifacts
}

func (x *xsession) env() []string {
	return x.home.env("DISPLAY="+x.display, "OMP_THREAD_LIMIT=1")
}

// run runs a tool on the display and returns its standard output.
func (x *xsession) run(ctx context.Context, stdin *strings.Reader, path string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Env = x.env()
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w: %s", filepath.Base(path), strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return out, nil
}

func (x *xsession) xdotool(stdin *strings.Reader, args ...string) string {
	x.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := x.run(ctx, stdin, x.tools.xdotool, args...)
	if err != nil {
		x.t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// waitForWindow returns the ID of the visible window titled exactly title,
// failing if none appears within timeout or the app exits.
func (x *xsession) waitForWindow(title string, timeout time.Duration) string {
	x.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	found := make(chan []byte, 1)
	go func() {
		out, _ := x.run(ctx, nil, x.tools.xdotool, "search", "--sync", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(title)+"$")
		found <- out
	}()
	var out []byte
	select {
	case out = <-found:
	case <-x.app.done:
		cancel()
		x.t.Fatalf("the app exited before showing a window titled %q (%v)", title, x.app.cmd.ProcessState)
	}
	ids := strings.Fields(string(out))
	if len(ids) == 0 {
		x.t.Fatalf("no window titled %q within %v; visible windows: %s", title, timeout, x.windowNames())
	}
	return ids[len(ids)-1]
}

// windowNames lists the visible windows' titles, for a failure message.
func (x *xsession) windowNames() string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, _ := x.run(ctx, nil, x.tools.xdotool, "search", "--onlyvisible", "--name", "")
	var names []string
	for _, id := range strings.Fields(string(out)) {
		name, _ := x.run(ctx, nil, x.tools.xdotool, "getwindowname", id)
		names = append(names, strconv.Quote(strings.TrimSpace(string(name))))
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// focus gives win the keyboard focus: there is no window manager to do it.
func (x *xsession) focus(win string) {
	x.t.Helper()
	x.xdotool(nil, "windowfocus", win)
}

// geometry is where win is on the screen.
func (x *xsession) geometry(win string) (image.Rectangle, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := x.run(ctx, nil, x.tools.xdotool, "getwindowgeometry", "--shell", win)
	if err != nil {
		return image.Rectangle{}, err
	}
	v := map[string]int{}
	for _, line := range strings.Fields(string(out)) {
		if k, s, ok := strings.Cut(line, "="); ok {
			v[k], _ = strconv.Atoi(s)
		}
	}
	r := image.Rect(v["X"], v["Y"], v["X"]+v["WIDTH"], v["Y"]+v["HEIGHT"])
	if r.Empty() {
		return r, fmt.Errorf("window %s has no size: %s", win, out)
	}
	return r, nil
}

// screenshot takes the whole screen with ImageMagick's import, cropped to
// the app's window when it can be found.
func (x *xsession) screenshot() (image.Image, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := x.run(ctx, nil, x.tools.imagemagickImport, "-window", "root", "png:-")
	if err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("import's screenshot: %w", err)
	}
	ids, err := x.run(ctx, nil, x.tools.xdotool, "search", "--onlyvisible", "--name", "^"+regexp.QuoteMeta(windowScript.title)+"$")
	if f := strings.Fields(string(ids)); err == nil && len(f) > 0 {
		if r, err := x.geometry(f[len(f)-1]); err == nil {
			if sub, ok := img.(interface {
				SubImage(image.Rectangle) image.Image
			}); ok && r.In(img.Bounds()) {
				return sub.SubImage(r), nil
			}
		}
	}
	return img, nil
}

// ocr reads img, scaled up 2×, which tesseract reads UI text far better, as
// sparse text (page segmentation mode 11): labels and buttons scattered over
// the window.
func (x *xsession) ocr(img image.Image) (string, error) {
	b := img.Bounds()
	big := image.NewGray(image.Rect(0, 0, 2*b.Dx(), 2*b.Dy()))
	draw.CatmullRom.Scale(big, big.Bounds(), img, b, draw.Src, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	eng, err := windowOCR(ctx)
	if err != nil {
		return "", err
	}
	words, err := eng.RecognizeWith(ctx, big, ocr.Params{PageSegMode: 11})
	return ocr.Text(words), err
}

// windowOCR is the OCR engine the screenshots are read with, its compiled
// code cached where the app keeps it (compiling takes seconds, loading from
// the cache a fraction of one).
func windowOCR(ctx context.Context) (*ocr.Engine, error) {
	cache := ""
	if dir, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(dir, "immivault", "wazero-ocr")
	}
	return ocr.Shared(ctx, cache)
}

// waitForWords takes screenshots until their text has every phrase of
// step.want, or fails after timeout. It returns the screenshot that had
// them and how many it took.
func (x *xsession) waitForWords(step windowStep, timeout time.Duration) (image.Image, int) {
	x.t.Helper()
	deadline := time.Now().Add(timeout)
	var (
		shot    image.Image
		text    string
		missing []string
		lastErr error

		shotTime, ocrTime time.Duration // of the last try
	)
	for tries := 1; ; tries++ {
		if x.app.exited() {
			x.t.Fatalf("step %s: the app exited (%v)", step.name, x.app.cmd.ProcessState)
		}
		lap := time.Now()
		img, err := x.screenshot()
		if err == nil {
			shot = img
			shotTime = elapsed(lap)
			lap = time.Now()
			text, err = x.ocr(img)
			ocrTime = elapsed(lap)
		}
		lastErr = err
		if err == nil {
			missing = missingOCRPhrases(text, step.want)
			if len(missing) == 0 && (len(step.want) > 0 || hasOCRWords(text)) {
				x.t.Logf("timing: step %s: last screenshot %v, its OCR %v", step.name, shotTime, ocrTime)
				x.keep(step.name, shot)
				for _, a := range step.absent {
					if len(missingOCRPhrases(text, []string{a})) == 0 {
						x.t.Errorf("step %s: the window shows %q, which it must not; it reads:\n%s", step.name, a, text)
					}
				}
				return shot, tries
			}
		}
		if time.Now().After(deadline) {
			path := ""
			if shot != nil {
				path = x.keep(step.name+"-failed", shot)
			}
			if lastErr != nil {
				x.t.Fatalf("step %s: no readable screenshot within %v: %v", step.name, timeout, lastErr)
			}
			what := fmt.Sprintf("%q", missing)
			if len(step.want) == 0 {
				what = "any text"
			}
			x.t.Fatalf("step %s: after %v and %d screenshots the window does not show %s (screenshot: %s); it reads:\n%s",
				step.name, timeout, tries, what, path, text)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// keep writes a screenshot to the test's artifact directory (kept with
// go test -artifacts) and returns its path.
func (x *xsession) keep(name string, img image.Image) string {
	x.seq++
	path := filepath.Join(x.t.ArtifactDir(), fmt.Sprintf("%02d-%s.png", x.seq, name))
	writeScreenshot(x.t, path, img)
	return path
}

var ocrSpaces = regexp.MustCompile(`\s+`)

func normalizeOCR(s string) string {
	return strings.ToLower(strings.TrimSpace(ocrSpaces.ReplaceAllString(s, " ")))
}

// missingOCRPhrases returns the phrases of want that text does not have.
func missingOCRPhrases(text string, want []string) []string {
	text = normalizeOCR(text)
	var missing []string
	for _, w := range want {
		if !strings.Contains(text, normalizeOCR(w)) {
			missing = append(missing, w)
		}
	}
	return missing
}

var ocrWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// hasOCRWords says whether OCR found any word of three letters or more.
func hasOCRWords(text string) bool {
	return ocrWord.MatchString(text)
}

func writeScreenshot(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// logTail is the end of a log file, for a failure message.
func logTail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

func elapsed(t time.Time) time.Duration {
	return time.Since(t).Round(10 * time.Millisecond)
}
