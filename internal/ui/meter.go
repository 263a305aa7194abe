package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"immivault/internal/strength"
)

// attackerGuessesPerSecond is what the meter assumes of a well-equipped
// attacker against the vault's scrypt (log2 N = 18, about a second of one
// core per guess): ten thousand cores.
const attackerGuessesPerSecond = 1e4

// siteGuessesPerSecond is what the meter assumes of an attacker against a
// website's password: one who took the site's password hashes, of a fast
// kind, to a rack of graphics cards. A site's hashing is not ours to know,
// so a password is rated as if it were the worst.
const siteGuessesPerSecond = 1e10

// vaultStrongAfter is how long guessing a vault passphrase must take, at
// attackerGuessesPerSecond, for the meter to call it strong: nothing an
// attacker could find within years is.
const vaultStrongAfter = 20 * 365 * 24 * time.Hour

// strengthMeter rates a passphrase as it is typed: a bar filled red, amber
// or green on grey, a verdict in plain words, and the attacker it assumes.
type strengthMeter struct {
	words    []string
	score    int
	strong   bool // what the verdict calls strong: score and time both
	bar      *meterBar
	verdict  *widget.Label
	attacker *widget.Label
	// guesses is the attacker's speed, per second; strongAfter, how long
	// guessing must take besides the score; empty is what the verdict says
	// while nothing is typed.
	guesses     float64
	strongAfter time.Duration
	empty       string
}

// newSiteMeter rates a website's password: against siteGuessesPerSecond,
// strong when guessing would take a century.
func newSiteMeter(userWords []string) *strengthMeter {
	m := newStrengthMeter(userWords)
	m.guesses, m.strongAfter = siteGuessesPerSecond, 100*365*24*time.Hour
	m.empty = lang.L("Type or generate a password to see how strong it is.")
	m.attacker.SetText(lang.L("Rated against someone who stole the site's password hashes and tries 10 billion guesses a second with graphics cards: strong means a century or more."))
	return m
}

func newStrengthMeter(userWords []string) *strengthMeter {
	m := &strengthMeter{words: userWords, bar: newMeterBar(), verdict: widget.NewLabel(""),
		guesses: attackerGuessesPerSecond, strongAfter: vaultStrongAfter,
		empty:    lang.L("Type a passphrase to see how strong it is."),
		attacker: noteLabel()}
	m.attacker.SetText(lang.L("Rated against someone with a copy of the vault and 10,000 processor cores, each guess costing a second of one core: strong means 20 years or more."))
	m.verdict.Wrapping = fyne.TextWrapWord
	return m
}

func (m *strengthMeter) build() fyne.CanvasObject {
	return container.NewVBox(m.bar.object(), m.verdict, m.attacker)
}

// rate shows how strong pass is. pass is read, not kept.
func (m *strengthMeter) rate(pass []byte) {
	if len(pass) == 0 {
		m.score, m.strong = 0, false
		m.bar.set(0, false, true)
		m.verdict.SetText(m.empty)
		m.verdict.Importance = widget.MediumImportance
		m.verdict.Refresh()
		return
	}
	r := strength.Estimate(pass, m.words...)
	m.score = r.Score
	took := r.CrackTime(m.guesses)
	strong := r.Score >= minScore && took >= m.strongAfter
	m.strong = strong
	m.bar.set(r.Score, strong, false)
	m.verdict.SetText(verdict(r, took, strong, m.strongAfter > 0))
	if strong {
		m.verdict.Importance = widget.SuccessImportance
	} else {
		m.verdict.Importance = widget.DangerImportance
	}
	m.verdict.Refresh()
}

// verdict says in plain words how long guessing would take (d) and, for a
// weak passphrase, why it is weak; a website's password (site) is not told
// to add words, since it may be of characters.
func verdict(r strength.Result, d time.Duration, strong, site bool) string {
	took := crackTime(d)
	if strong {
		return lang.L("Strong: guessing it would take {{.Time}}.", map[string]any{"Time": took})
	}
	why := weaknessText(r.Weakness)
	if why == "" && site {
		return lang.L("Too easy to guess: it would take {{.Time}}. Make it longer, or generate one.", map[string]any{"Time": took})
	}
	if why == "" {
		return lang.L("Too easy to guess: it would take {{.Time}}. Add more words.", map[string]any{"Time": took})
	}
	return lang.L("Too easy to guess: it would take {{.Time}}. {{.Why}}", map[string]any{"Time": took, "Why": why})
}

func weaknessText(w strength.Weakness) string {
	switch w {
	case strength.TooShort:
		return lang.L("It is too short.")
	case strength.CommonPassword:
		return lang.L("It is one of the most used passwords.")
	case strength.DictionaryWord:
		return lang.L("A single word is easy to guess; use several unrelated words.")
	case strength.Name:
		return lang.L("Names are among the first things tried.")
	case strength.UserInput:
		return lang.L("It contains words from this vault’s location.")
	case strength.Repeat:
		return lang.L("Repeated characters add little.")
	case strength.Sequence:
		return lang.L("Sequences like abc or 123 are easy to guess.")
	case strength.KeyboardPattern:
		return lang.L("Keyboard patterns like qwerty are easy to guess.")
	case strength.Date:
		return lang.L("Dates and years are easy to guess.")
	}
	return ""
}

// meterBar is the meter's bar: a grey track, filled by score (at least one
// step once anything is typed), red while weak, amber when the score is good
// but guessing would still take too little time, green when strong.
type meterBar struct {
	track, fill *canvas.Rectangle
	frac        float32
	box         *fyne.Container
}

func newMeterBar() *meterBar {
	b := &meterBar{track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground)), fill: canvas.NewRectangle(color.Transparent)}
	b.track.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	b.track.StrokeWidth = 1
	b.track.CornerRadius, b.fill.CornerRadius = 3, 3
	b.box = container.New(b, b.track, b.fill)
	return b
}

func (b *meterBar) object() fyne.CanvasObject { return b.box }

// set fills the bar for a typed passphrase's score; empty clears it.
func (b *meterBar) set(score int, strong, empty bool) {
	switch {
	case empty:
		b.frac = 0
	case strong:
		b.fill.FillColor, b.frac = theme.Color(theme.ColorNameSuccess), float32(score)/4
	case score >= minScore:
		b.fill.FillColor, b.frac = theme.Color(theme.ColorNameWarning), float32(score)/4
	default:
		b.fill.FillColor, b.frac = theme.Color(theme.ColorNameError), float32(max(score, 1))/4
	}
	b.box.Refresh()
}

func (b *meterBar) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, 10) }

func (b *meterBar) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	b.track.Resize(size)
	b.fill.Resize(fyne.NewSize(size.Width*b.frac, size.Height))
	b.fill.Move(fyne.NewPos(0, 0))
}

// crackTime rounds a duration to words.
func crackTime(d time.Duration) string {
	const day, year = 24 * time.Hour, 365 * 24 * time.Hour
	switch {
	case d < time.Minute:
		return lang.L("less than a minute")
	case d < 2*time.Minute:
		return lang.L("about a minute")
	case d < time.Hour:
		return lang.L("{{.N}} minutes", map[string]any{"N": int(d / time.Minute)})
	case d < 2*time.Hour:
		return lang.L("about an hour")
	case d < day:
		return lang.L("{{.N}} hours", map[string]any{"N": int(d / time.Hour)})
	case d < 2*day:
		return lang.L("about a day")
	case d < year:
		return lang.L("{{.N}} days", map[string]any{"N": int(d / day)})
	case d < 2*year:
		return lang.L("about a year")
	case d < 100*year:
		return lang.L("{{.N}} years", map[string]any{"N": int(d / year)})
	}
	return lang.L("centuries")
}
