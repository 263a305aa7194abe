package deadline

import (
	"fmt"
	"strings"
	"text/template"
	"time"
)

// textData is what a rule's texts may use. Dates are written out in the
// text's language. Optional placeholders are "" when unknown, and the
// texts test them with {{if}}.
type textData struct {
	Person  string // the person's name
	Form    string // the form of the case or notice, "I-485"; optional
	Date    string // the deadline's day
	Time    string // "HH:MM" for appointments; optional
	From    string // the day the rule counts from: notice date, expiry, anniversary
	Filed   string // the received date of the filing the rule looked for; optional
	Country string // a passport's issuing country, ISO 3166-1 alpha-3; optional
	Class   string // the class printed on the document ("F1", "K2"), for {{if eq}}: texts never print it; optional
	I94     string // the person's I-94 Admit Until, for rules that end with it; optional
}

var langNames = [2]string{"en", "es"}

var (
	fullSample = textData{Person: "Maria", Form: "I-485", Date: "date", Time: "09:00",
		From: "from", Filed: "filed", Country: "MEX", Class: "C09", I94: "i94"}
	emptySample = textData{Person: "Maria", Date: "date", From: "from"}
)

var monthsES = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// longDate writes a day as people read it: "March 4, 2026", "4 de marzo de 2026".
func longDate(lang int, d time.Time) string {
	if d.IsZero() {
		return ""
	}
	if lang == 1 {
		return fmt.Sprintf("%d de %s de %d", d.Day(), monthsES[d.Month()-1], d.Year())
	}
	return d.Format("January 2, 2006")
}

// facts are the values a deadline's texts are rendered from.
type facts struct {
	person, form, time, country, class string
	date, from, filed, i94             time.Time
}

func (f facts) data(lang int) textData {
	return textData{
		Person: f.person, Form: f.form, Time: f.time, Country: f.country, Class: f.class,
		Date: longDate(lang, f.date), From: longDate(lang, f.from), Filed: longDate(lang, f.filed),
		I94: longDate(lang, f.i94),
	}
}

// render fills in a rule's title and action in both languages.
func (r *Rule) render(f facts) (title, action Text) {
	out := func(tmpls [2]*template.Template) Text {
		var t [2]string
		for lang, tmpl := range tmpls {
			var b strings.Builder
			if err := tmpl.Execute(&b, f.data(lang)); err != nil {
				// parseTexts ran every text on the same data type.
				panic("deadline: rule " + r.ID + ": " + err.Error())
			}
			t[lang] = strings.Join(strings.Fields(b.String()), " ")
		}
		return Text{EN: t[0], ES: t[1]}
	}
	return out(r.title), out(r.action)
}
