package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/draw"

	"immivault/internal/filing"
	"immivault/internal/notice"
	"immivault/internal/notice/noticetest"
	"immivault/internal/ocr"
)

// What the walk-through types, and must find in the vault afterwards
// exactly as typed (the date as the vault stores it).
const (
	walkPassphrase = "tundra mosaic velvet harbor quill 83"
	walkName       = "Maria Elena Ruiz"
	walkBornTyped  = "03/15/1988" // as US forms write it, month first
	walkBornStored = "1988-03-15"
	// walkNumberTypo is the A-number with one slip: r, the key above 4,
	// in place of the 4. walkNumberFixed is it corrected in place.
	walkNumberTypo  = "A0123r5678"
	walkNumberFixed = "A012345678"
	// walkScanName is the scanned notice's file. Nothing in it says RFE,
	// so that searching "RFE" finds the notice by what it is.
	walkScanName = "letter.png"
)

// The steps that type what checkWalkVault looks for.
const (
	walkPersonStep = "add a person"
	walkNumberStep = "add a number with a slip corrected in place"
	walkNoticeStep = "file a scanned notice"
)

// TestWalkThrough is issue 17's first hour, in the app's real window under
// Xvfb, typed with xdotool: create a vault, add a person with a birth date
// typed 03/15/1988, add an A-number typed with one slip that is corrected
// in place, file a scanned request for evidence through Add notice, and
// find it by typing "RFE" in the search. Then immivault-cli opens the vault
// and every value typed must be there exactly: the test fails, naming it,
// when any was lost.
//
// The screens are read with the OCR engine of internal/ocr, which also
// gives where each word is, for the clicks keyboard focus cannot reach
// (check boxes, the file dialog). Each step's last screenshot is kept in a
// folder whose path is printed if the test fails. With
// IMMIVAULT_SCREENSHOTS=DIR the number dialog showing the slip, the
// notice's proposal and the search's result are written to
// DIR/walkthrough-*.png. Run it alone with
//
//	go test -v -run TestWalkThrough ./cmd/immivault/
func TestWalkThrough(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the walk-through in a real window")
	}
	if runtime.GOOS != "linux" {
		t.Skip("the walk-through runs the app under Xvfb, on Linux only")
	}
	tools := needWindowTools(t)
	started := time.Now()
	tmp := t.TempDir()
	home := newWindowHome(t, tmp)
	bin := filepath.Join(tmp, "bin")

	lap := time.Now()
	buildForWindowTest(t, bin, "immivault", ".", "CGO_ENABLED=1")
	buildForWindowTest(t, bin, "immivault-cli", "../immivault-cli", "CGO_ENABLED=0")
	t.Logf("timing: build the app and the CLI: %v", elapsed(lap))

	// The scan goes in the test's home, where the file dialog opens,
	// alone there but for hidden folders; the vault goes elsewhere.
	lap = time.Now()
	scan := makeRFEScan(t, filepath.Join(home.dir, walkScanName))
	t.Logf("timing: scan of a request for evidence (receipt %s): %v", scan.receipt, elapsed(lap))
	vaultDir := filepath.Join(tmp, "vault")

	w := newWalker(t, tools, home)
	lap = time.Now()
	display := startXvfb(t, tools.xvfb, 60*time.Second)
	w.x.display = display
	w.x.app = startWindowProcess(t, "immivault", filepath.Join(tmp, "immivault.log"),
		home.env("DISPLAY="+display, "LIBGL_ALWAYS_SOFTWARE=1", "FYNE_SCALE=1", "FYNE_THEME=light"),
		filepath.Join(bin, "immivault"), "--vault", vaultDir)
	w.win = w.x.waitForWindow(windowScript.title, 60*time.Second)
	t.Logf("timing: window up: %v", elapsed(lap))

	// Every value typed, in the vault as typed: a loss fails here with
	// its name, whatever the screens showed, even when a later step has
	// failed the test already.
	created := false
	defer func() {
		if !created {
			return
		}
		lap := time.Now()
		checkWalkVault(t, home, filepath.Join(bin, "immivault-cli"), vaultDir, scan, w.started)
		t.Logf("timing: the vault read back with immivault-cli: %v", elapsed(lap))
		t.Logf("timing: whole walk-through: %v", elapsed(started))
	}()

	w.step("create the vault", func() {
		w.waitFor("create", w.shows("Create your vault"))
		w.typeText(walkPassphrase)
		w.key("Return") // on to the second field
		w.typeText(walkPassphrase)
		w.waitFor("passphrases typed", w.shows("The passphrases match"))
		w.click("create-understood", "understand that nobody", 0)
		w.click("create-button", "Create vault", 1)
		w.waitFor("recovery key", w.shows("Your recovery key"))
		w.click("recovery-kept", "have saved or printed", 0)
		w.click("recovery-continue", "Continue", 0)
		w.waitFor("family", w.shows("Your family"))
		created = true
	})

	w.step(walkPersonStep, func() {
		w.key("ctrl+n")
		w.waitFor("person dialog", w.shows("Add a person"))
		// The name has the focus; the date of birth is the next field.
		w.typeText(walkName)
		w.key("Tab")
		w.typeText(walkBornTyped)
		w.key("Return")
		w.waitFor("person page", w.shows(walkName, "Add number"), w.showsText("1988"), w.hides("Add a person"))
	})

	w.step(walkNumberStep, func() {
		w.click("add-number", "Add number", 1)
		w.waitFor("number dialog", w.shows("Add a number for"))
		// The number has the focus; the kind is the field before it, and
		// its right arrow picks the next kind, the A-number.
		w.key("shift+Tab")
		w.key("Right")
		w.key("Tab")
		w.waitFor("A-number chosen", w.shows("A-number"))
		w.typeText(walkNumberTypo)
		w.waitFor("the rule shown", w.shows("7 to 9 digits"))
		// Return with the slip in it must not close the dialog: the
		// reason shows, and what was typed stays to be corrected. Two
		// screenshots, so that a dialog closing late is seen closed.
		w.key("Return")
		s := w.waitFor("the slip refused", w.shows("7 to 9 digits"))
		if s.has("Add a number for") {
			s = w.waitFor("the slip still refused", w.shows("7 to 9 digits"))
		}
		if !s.has("Add a number for") {
			t.Errorf("Return on the A-number %q, which has one slip, closed the dialog: the number typed is lost instead of staying to be corrected (the window reads:\n%s)", walkNumberTypo, s.text)
			w.key("Escape") // the error shown instead; go on with the rest
			w.waitFor("dialog gone", w.hides("7 to 9 digits"))
			return
		}
		w.save("walkthrough-number", s)
		// Back over "5678", the slip out, the right digit in.
		w.key("Left", "Left", "Left", "Left", "BackSpace")
		w.typeText("4")
		w.waitFor("the slip corrected", w.shows("Valid"))
		w.key("Return")
		w.waitFor("number added", w.hides("Add a number for"), w.shows("A-number"))
	})

	w.step(walkNoticeStep, func() {
		w.key("ctrl+o")
		w.waitFor("file picker", w.shows("Add notices"))
		w.chooseFile(filepath.Join(home.dir, walkScanName))
		w.save("walkthrough-proposal", w.waitForLong("proposal", 4*time.Minute, w.shows("File it")))
		// The notice names someone else (the generator's made-up name), so
		// no one is chosen for it: she is picked in File under's list.
		w.click("file under", "Select one", 0)
		w.click("the person in the list", walkName, 0)
		w.waitFor("the person chosen", w.hides("Choose who to file it under"))
		w.click("file-it", "File it", 0)
		w.waitForLong("filed", 2*time.Minute, w.hides("File it"), w.shows("Request for Evidence"))
	})

	w.step("find the notice by typing RFE", func() {
		w.key("ctrl+f")
		w.typeText("RFE")
		// Only the list beside the person's page, where the search's
		// results are: the page itself shows the notice too.
		w.waitForIn("search results", 0.3, w.shows("Request for Evidence", walkName+" · "+walkScanName), w.hides("No matches"))
		w.save("walkthrough-search", w.screen("search window", 1))
	})
}

// rfeScan is the scanned notice the walk-through files.
type rfeScan struct {
	path, sha256, receipt string
}

// makeRFEScan writes to path a 300 dpi flatbed scan (noticetest.Scan) of a
// generated request for evidence, one that the notice reader reads right:
// the test is of the app's filing, not of OCR, so that the receipt number
// it files is known. The notice has no number to add to the person's.
func makeRFEScan(t *testing.T, path string) rfeScan {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tried := 0
	for seed := int64(1); seed < 500 && tried < 4; seed++ {
		n := noticetest.Generate(seed)
		// None with an A-number or account number of its own to add:
		// the A-number in the vault is the one typed.
		if n.Truth.NoticeType != "Request for Evidence" || len(n.Truth.ANumbers) > 0 || n.Truth.AccountNumber != "" {
			continue
		}
		tried++
		doc, err := notice.Read(ctx, n.PDF, "rfe.pdf", notice.WithoutOCR())
		if err != nil {
			t.Fatal(err)
		}
		page, err := doc.Render(ctx, 0, 300)
		doc.Close()
		if err != nil {
			t.Fatal(err)
		}
		png := noticetest.EncodePNG(noticetest.Scan(page, seed))
		r, err := filing.ReadNotice(ctx, bytes.NewReader(png), walkScanName)
		if err != nil {
			t.Fatal(err)
		}
		if r.Notice.ReceiptNumber.Value != n.Truth.ReceiptNumber || r.Notice.NoticeType.Value != n.Truth.NoticeType {
			t.Logf("scan of seed %d read as %q, %q; trying another", seed, r.Notice.ReceiptNumber.Value, r.Notice.NoticeType.Value)
			continue
		}
		if err := os.WriteFile(path, png, 0o600); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(png)
		return rfeScan{path: path, sha256: hex.EncodeToString(sum[:]), receipt: n.Truth.ReceiptNumber}
	}
	t.Fatalf("no scan of a generated request for evidence was read right (%d tried)", tried)
	return rfeScan{}
}

// walkVault is what the walk-through reads of `immivault-cli ls --json
// --reveal` (docs/cli.md's contract).
type walkVault struct {
	People []struct {
		ID          string
		Name        string
		Born        string
		Identifiers []walkIdentifier
		Cases       []walkCase
		Notices     []walkNotice
	}
}

type walkIdentifier struct{ Kind, Value string }

type walkCase struct {
	ID            string
	ReceiptNumber string `json:"receipt_number"`
}

type walkNotice struct {
	CaseID   string `json:"case_id"`
	FileName string `json:"file_name"`
	Type     string
	SHA256   string
}

// checkWalkVault opens the vault with the CLI, the passphrase in a file
// of the test's own, and checks that every value typed is there exactly:
// those of the steps that started, when a step failed the test.
func checkWalkVault(t *testing.T, home windowHome, cli, vaultDir string, scan rfeScan, started map[string]bool) {
	t.Helper()
	passDir := filepath.Join(filepath.Dir(home.dir), "secret")
	if err := os.MkdirAll(passDir, 0o700); err != nil {
		t.Fatal(err)
	}
	passFile := filepath.Join(passDir, "passphrase")
	if err := os.WriteFile(passFile, []byte(walkPassphrase), 0o600); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(passFile)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, cli, "--vault", vaultDir, "ls", "--json", "--reveal")
	cmd.Env = home.env("IMMIVAULT_PASSPHRASE_FILE=" + passFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("immivault-cli ls: %v\n%s", err, stderr.Bytes())
	}
	var v walkVault
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("immivault-cli ls --json: %v", err)
	}
	if !started[walkPersonStep] {
		return
	}
	var names []string
	for _, p := range v.People {
		names = append(names, fmt.Sprintf("%q", p.Name))
	}
	if len(v.People) != 1 || v.People[0].Name != walkName {
		t.Errorf("the name typed, %q, is not the vault's one person: it has [%s]", walkName, strings.Join(names, ", "))
		return
	}
	p := v.People[0]
	if p.Born != walkBornStored {
		t.Errorf("the birth date typed %q was lost: it is stored as %q, not %s", walkBornTyped, p.Born, walkBornStored)
	}
	if started[walkNumberStep] {
		checkWalkNumber(t, p.Identifiers)
	}
	if started[walkNoticeStep] {
		checkWalkNotice(t, p.Cases, p.Notices, scan)
	}
}

func checkWalkNumber(t *testing.T, identifiers []walkIdentifier) {
	t.Helper()
	var stored []string
	found := false
	for _, id := range identifiers {
		stored = append(stored, id.Kind+" "+id.Value)
		found = found || id.Kind == "a-number" && id.Value == walkNumberFixed
	}
	if !found {
		t.Errorf("the A-number typed %q and corrected in place to %q was lost: %s's numbers are %q", walkNumberTypo, walkNumberFixed, walkName, stored)
	}
}

func checkWalkNotice(t *testing.T, cases []walkCase, notices []walkNotice, scan rfeScan) {
	t.Helper()
	caseID := ""
	for _, c := range cases {
		if c.ReceiptNumber == scan.receipt {
			caseID = c.ID
		}
	}
	filed := false
	for _, n := range notices {
		if n.SHA256 != scan.sha256 {
			continue
		}
		filed = true
		if n.FileName != walkScanName || n.Type != "Request for Evidence" {
			t.Errorf("the scan is filed as %q, type %q; want %q, Request for Evidence", n.FileName, n.Type, walkScanName)
		}
		if caseID == "" || n.CaseID != caseID {
			t.Errorf("the scan is filed, but not under the case of its receipt number %s (cases: %+v)", scan.receipt, cases)
		}
	}
	if !filed {
		t.Errorf("the scanned notice %s (receipt %s) was not filed: %s has %d notices", walkScanName, scan.receipt, walkName, len(notices))
	}
}

// walker drives the app through the walk-through's steps.
type walker struct {
	t     *testing.T
	x     *xsession
	win   string
	eng   *ocr.Engine
	shots string // each step's screenshots, kept if the test fails
	seq   int
	stepN string
	// started are the steps begun, whose typed values the vault must hold.
	started map[string]bool
	// timeout bounds each wait for the screen; a loaded machine is slow,
	// and the walk goes on as soon as the screen is ready.
	timeout time.Duration
}

func newWalker(t *testing.T, tools windowTools, home windowHome) *walker {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err == nil {
		cache = filepath.Join(cache, "immivault", "wazero-ocr")
	} else {
		cache = ""
	}
	eng, err := ocr.New(context.Background(), ocr.Config{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	// Not t.TempDir, which goes with the test: a failure's screenshots stay.
	shots, err := os.MkdirTemp("", "immivault-walkthrough-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the walk-through's screenshots, step by step: %s", shots)
			return
		}
		os.RemoveAll(shots)
	})
	return &walker{t: t, x: &xsession{t: t, tools: tools, home: home}, eng: eng, shots: shots, started: map[string]bool{}, timeout: 90 * time.Second}
}

// step runs one step of the walk-through and logs how long it took.
func (w *walker) step(name string, do func()) {
	w.t.Helper()
	w.stepN = name
	w.started[name] = true
	lap := time.Now()
	do()
	w.t.Logf("timing: step %q: %v", name, elapsed(lap))
}

// typeText types s into whatever has the keyboard focus, from standard
// input, so that it is in no process's arguments.
func (w *walker) typeText(s string) {
	w.t.Helper()
	w.x.focus(w.win)
	w.x.xdotool(strings.NewReader(s), "type", "--delay", "40", "--file", "-")
}

func (w *walker) key(keys ...string) {
	w.t.Helper()
	w.x.focus(w.win)
	w.x.xdotool(nil, append([]string{"key", "--delay", "80"}, keys...)...)
}

// walkScreen is one screenshot and the words OCR read on it.
type walkScreen struct {
	img   image.Image
	words []ocr.Word
	text  string
	// origin is the screen position of the OCR'd image's top left, scale
	// how much it was enlarged for OCR.
	origin image.Point
	scale  int
}

// screen takes a screenshot of the window, or of its left part (frac of
// its width, 1 for all), and reads it.
func (w *walker) screen(what string, frac float64) *walkScreen {
	w.t.Helper()
	img, err := w.x.screenshot()
	if err != nil {
		w.t.Fatalf("%s: screenshot: %v", what, err)
	}
	return w.read(what, img, frac)
}

// read reads img, or its left part (frac of its width), as screen does.
func (w *walker) read(what string, img image.Image, frac float64) *walkScreen {
	w.t.Helper()
	b := img.Bounds()
	if frac < 1 {
		img = walkCrop(img, image.Rect(b.Min.X, b.Min.Y, b.Min.X+int(float64(b.Dx())*frac), b.Max.Y))
		b = img.Bounds()
	}
	// Enlarged 2×: tesseract reads UI-sized text far better so.
	const scale = 2
	big := image.NewGray(image.Rect(0, 0, scale*b.Dx(), scale*b.Dy()))
	draw.CatmullRom.Scale(big, big.Bounds(), walkGray(img), b, draw.Src, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	words, err := w.eng.Recognize(ctx, big, 0)
	if err != nil {
		w.t.Fatalf("%s: OCR of the screenshot: %v", what, err)
	}
	s := &walkScreen{img: img, words: words, origin: b.Min, scale: scale}
	var text []string
	for _, wd := range words {
		text = append(text, wd.Text)
	}
	s.text = strings.Join(text, " ")
	return s
}

// walkWord is how a word is compared: lower case, without the punctuation
// OCR puts round it (a check box read as "[").
func walkWord(s string) string {
	return strings.ToLower(strings.Trim(s, ".,:;!?\"'`()[]{}|<>«»“”‘’•·…-_"))
}

func walkWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if wd := walkWord(f); wd != "" {
			out = append(out, wd)
		}
	}
	return out
}

// has says whether the screen shows phrase, anywhere: word by word, or
// with the spaces left out, as OCR runs small words together ("Adda
// person" for "Add a person").
func (s *walkScreen) has(phrase string) bool {
	want, got := walkWords(phrase), walkWords(s.text)
	for i := 0; i+len(want) <= len(got); i++ {
		if walkSame(got[i:i+len(want)], want) {
			return true
		}
	}
	return strings.Contains(strings.Join(got, ""), strings.Join(want, ""))
}

// walkSame says whether OCR's words read as want: a word of four letters
// or more may have one letter misread ("Rutz" for "Ruiz"). The walk-through
// reads the screen only to know when to go on and where to click; what
// was typed is checked in the vault, exactly.
func walkSame(got, want []string) bool {
	for i := range want {
		if got[i] != want[i] && (len(want[i]) < 4 || walkDistance(got[i], want[i]) > 1) {
			return false
		}
	}
	return true
}

// walkDistance is the Levenshtein distance between a and b.
func walkDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// find is where on the screen the nth word of phrase is, where its words
// are read in a row on one line; the lowest such place on the screen.
func (s *walkScreen) find(phrase string, nth int) (image.Point, bool) {
	wd, ok := s.findWord(phrase, nth)
	if !ok {
		return image.Point{}, false
	}
	return image.Pt(s.origin.X+(wd.Left+wd.Right)/2/s.scale, s.origin.Y+(wd.Top+wd.Bottom)/2/s.scale), true
}

// findWord is find's word, as OCR read it.
func (s *walkScreen) findWord(phrase string, nth int) (ocr.Word, bool) {
	want := walkWords(phrase)
	var at ocr.Word
	found := false
	for i := range s.words {
		if i+len(want) > len(s.words) {
			break
		}
		ok := true
		for j, wd := range want {
			got := s.words[i+j]
			if !walkSame([]string{walkWord(got.Text)}, []string{wd}) || got.Block != s.words[i].Block || got.Par != s.words[i].Par || got.Line != s.words[i].Line {
				ok = false
				break
			}
		}
		if ok && (!found || s.words[i+nth].Top > at.Top) {
			at, found = s.words[i+nth], true
		}
	}
	return at, found
}

// A walkCheck says what a screen still lacks, "" when it has it all.
type walkCheck func(*walkScreen) string

func (w *walker) shows(phrases ...string) walkCheck {
	return func(s *walkScreen) string {
		var missing []string
		for _, p := range phrases {
			if !s.has(p) {
				missing = append(missing, p)
			}
		}
		if len(missing) == 0 {
			return ""
		}
		return fmt.Sprintf("does not show %q", missing)
	}
}

// showsText checks for text anywhere, inside a word too ("1988" in
// "1988-03-15", which OCR may read as one word).
func (w *walker) showsText(text string) walkCheck {
	return func(s *walkScreen) string {
		if strings.Contains(strings.ToLower(s.text), strings.ToLower(text)) {
			return ""
		}
		return fmt.Sprintf("does not show %q", text)
	}
}

func (w *walker) hides(phrases ...string) walkCheck {
	return func(s *walkScreen) string {
		for _, p := range phrases {
			if s.has(p) {
				return fmt.Sprintf("still shows %q", p)
			}
		}
		return ""
	}
}

func (w *walker) waitFor(what string, checks ...walkCheck) *walkScreen {
	w.t.Helper()
	return w.wait(what, w.timeout, 1, checks...)
}

func (w *walker) waitForLong(what string, timeout time.Duration, checks ...walkCheck) *walkScreen {
	w.t.Helper()
	return w.wait(what, timeout, 1, checks...)
}

func (w *walker) waitForIn(what string, frac float64, checks ...walkCheck) *walkScreen {
	w.t.Helper()
	return w.wait(what, w.timeout, frac, checks...)
}

// wait takes screenshots until one passes every check, or fails the test
// when timeout has passed (a bound against hanging, not a measure) or the
// app has exited. The last screenshot is kept either way.
func (w *walker) wait(what string, timeout time.Duration, frac float64, checks ...walkCheck) *walkScreen {
	w.t.Helper()
	deadline := time.Now().Add(timeout)
	for tries := 1; ; tries++ {
		if w.x.app.exited() {
			w.t.Fatalf("%s: %s: the app exited (%v)", w.stepN, what, w.x.app.cmd.ProcessState)
		}
		s := w.screen(what, frac)
		lack := ""
		for _, c := range checks {
			if lack = c(s); lack != "" {
				break
			}
		}
		if lack == "" {
			w.keep(what, s)
			return s
		}
		if time.Now().After(deadline) {
			path := w.keep(what+"-failed", s)
			w.t.Fatalf("%s: %s: after %v and %d screenshots the window %s (screenshot: %s); it reads:\n%s",
				w.stepN, what, timeout, tries, lack, path, s.text)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// keep writes a screenshot to the folder of the walk's screenshots.
func (w *walker) keep(name string, s *walkScreen) string {
	w.seq++
	path := filepath.Join(w.shots, fmt.Sprintf("%02d-%s.png", w.seq, strings.ReplaceAll(name, " ", "-")))
	writeScreenshot(w.t, path, s.img)
	return path
}

// save writes a screenshot to IMMIVAULT_SCREENSHOTS/name.png, if set.
func (w *walker) save(name string, s *walkScreen) {
	if dir := os.Getenv("IMMIVAULT_SCREENSHOTS"); dir != "" {
		writeScreenshot(w.t, filepath.Join(dir, name+".png"), s.img)
	}
}

// click clicks the nth word of phrase, waiting until the screen shows it.
func (w *walker) click(what, phrase string, nth int) {
	w.t.Helper()
	var at image.Point
	w.waitFor(what, func(s *walkScreen) string {
		var ok bool
		if at, ok = s.find(phrase, nth); ok {
			return ""
		}
		return fmt.Sprintf("shows no %q to click", phrase)
	})
	w.x.xdotool(nil, "mousemove", "--sync", fmt.Sprint(at.X), fmt.Sprint(at.Y))
	w.x.xdotool(nil, "click", "1")
}

// walkCrop is the part r of img, in the same coordinates.
func walkCrop(img image.Image, r image.Rectangle) image.Image {
	if sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return sub.SubImage(r)
	}
	return img
}

// chooseFile picks the file at path in the app's file picker, which has
// the focus in its path field: the path typed and Enter tick the file, and
// Add (the picker's last button, under everything else) queues it.
func (w *walker) chooseFile(path string) {
	w.t.Helper()
	w.typeText(path)
	w.key("Return")
	w.waitFor("file ticked", w.shows("Chosen: "+filepath.Base(path)))
	w.clickBeside("add button", "Cancel", "Add")
}

// clickRightOf clicks dx pixels right of the nth word of phrase: into the
// field a label names, which may be empty.
func (w *walker) clickRightOf(what, phrase string, nth, dx int) {
	w.t.Helper()
	var at image.Point
	w.waitFor(what, func(s *walkScreen) string {
		wd, ok := s.findWord(phrase, nth)
		if !ok {
			return fmt.Sprintf("shows no %q", phrase)
		}
		at = image.Pt(s.origin.X+wd.Right/s.scale+dx, s.origin.Y+(wd.Top+wd.Bottom)/2/s.scale)
		return ""
	})
	w.x.xdotool(nil, "mousemove", "--sync", fmt.Sprint(at.X), fmt.Sprint(at.Y))
	w.x.xdotool(nil, "click", "1")
}

// clickBeside clicks the word to the right of anchor on the same line (the
// lowest anchor on the screen): a dialog's buttons, whose icons OCR reads
// as stray letters between their words.
func (w *walker) clickBeside(what, anchor, word string) {
	w.t.Helper()
	var at image.Point
	w.waitFor(what, func(s *walkScreen) string {
		a, ok := s.findWord(anchor, 0)
		if !ok {
			return fmt.Sprintf("shows no %q", anchor)
		}
		mid := (a.Top + a.Bottom) / 2
		best := -1
		for i, wd := range s.words {
			if wd.Left > a.Right && wd.Top <= mid && mid <= wd.Bottom && walkSame([]string{walkWord(wd.Text)}, []string{walkWord(word)}) &&
				(best < 0 || wd.Left < s.words[best].Left) {
				best = i
			}
		}
		if best < 0 {
			return fmt.Sprintf("shows no %q beside %q", word, anchor)
		}
		wd := s.words[best]
		at = image.Pt(s.origin.X+(wd.Left+wd.Right)/2/s.scale, s.origin.Y+(wd.Top+wd.Bottom)/2/s.scale)
		return ""
	})
	w.x.xdotool(nil, "mousemove", "--sync", fmt.Sprint(at.X), fmt.Sprint(at.Y))
	w.x.xdotool(nil, "click", "1")
}

// walkGray is img in grey for OCR, colour as dark as its darkest channel,
// light grey made white, and every large patch of colour (a button of high importance, a selected row) turned
// white and what is written on it black: OCR reads the white text on a
// blue button as no text at all otherwise. Small coloured things (letters
// of green or amber text, a ticked box) stay as they are.
func walkGray(img image.Image) *image.Gray {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	gray := image.NewGray(image.Rect(0, 0, w, h))
	sat := make([]int, w*h) // max - min of the channels, 0 to 255
	for y := range h {
		for x := range w {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			// The darkest channel, so that light green or amber text
			// is as dark as black; light grey taken as white: behind a
			// dialog the window is dimmed grey, which OCR takes for ink.
			gray.Pix[y*w+x] = uint8(min(255, min(r, g, bl)*255/200))
			sat[y*w+x] = int(max(r, g, bl) - min(r, g, bl))
		}
	}
	const colored, minArea, minHeight = 60, 1500, 16
	seen := make([]bool, w*h)
	var stack, patch []int
	for start := range sat {
		if seen[start] || sat[start] < colored {
			continue
		}
		// The patch of colour start is in, 4-connected.
		patch = patch[:0]
		stack = append(stack[:0], start)
		seen[start] = true
		minY, maxY := h, 0
		for len(stack) > 0 {
			i := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			patch = append(patch, i)
			x, y := i%w, i/w
			minY, maxY = min(minY, y), max(maxY, y)
			for _, n := range [4][2]int{{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}} {
				if n[0] < 0 || n[1] < 0 || n[0] >= w || n[1] >= h {
					continue
				}
				j := n[1]*w + n[0]
				if !seen[j] && sat[j] >= colored {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
		if len(patch) < minArea || maxY-minY+1 < minHeight {
			continue
		}
		// The patch's own colour is its most saturated pixels' level; on
		// each row, what lies between its first and last pixel is on it
		// (not the background at its rounded corners).
		full := 0
		left, right := make([]int, maxY-minY+1), make([]int, maxY-minY+1)
		for y := range left {
			left[y], right[y] = w, -1
		}
		for _, i := range patch {
			full = max(full, sat[i])
			x, y := i%w, i/w-minY
			left[y], right[y] = min(left[y], x), max(right[y], x)
		}
		// The patch itself white, to its blended edges; what is on it
		// the darker the less colour it has.
		for y := minY; y <= maxY; y++ {
			for x := left[y-minY]; x <= right[y-minY]; x++ {
				if i := y*w + x; sat[i] >= colored {
					gray.Pix[i] = 255
				} else {
					gray.Pix[i] = uint8(255 * sat[i] / full)
				}
			}
		}
	}
	return gray
}
