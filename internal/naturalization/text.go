package naturalization

import (
	"fmt"
	"time"
)

// Text is a sentence in English and Spanish.
type Text struct {
	EN string `json:"en"`
	ES string `json:"es"`
}

// In is the text in a language: "es" for Spanish, English otherwise.
func (t Text) In(lang string) string {
	if lang == "es" {
		return t.ES
	}
	return t.EN
}

func text(en, es string, args ...any) Text {
	return Text{EN: fmt.Sprintf(en, args...), ES: fmt.Sprintf(es, args...)}
}

// Dates are written YYYY-MM-DD in both languages, as the N-400 and the
// vault write them, so that nobody reads 03/04 the wrong way round.

func residenceStep(since time.Time, years int, anniversary, date time.Time) Text {
	return text("Permanent resident since %s: %d years on %s; the N-400 may be filed up to 90 days before, from %s.",
		"Residente permanente desde el %s: %d años el %s; el N-400 se puede presentar hasta 90 días antes, desde el %s.",
		format(since), years, format(anniversary), format(date))
}

func marriageStep(married, date time.Time) Text {
	return text("Married on %s: the 3 years of marriage must be complete when filing (no 90 days early for them), on %s.",
		"Casado o casada el %s: los 3 años de matrimonio deben estar cumplidos al presentar (sin los 90 días de anticipación), el %s.",
		format(married), format(date))
}

func spouseStep(citizen, date time.Time) Text {
	return text("The spouse became a US citizen on %s and must have been one for the 3 years before filing: from %s.",
		"El cónyuge es ciudadano estadounidense desde el %s y debe haberlo sido los 3 años antes de presentar: desde el %s.",
		format(citizen), format(date))
}

func stateStep(moved, date time.Time) Text {
	return text("Living in the state since %s: 3 months there before filing, on %s.",
		"Vive en el estado desde el %s: 3 meses allí antes de presentar, el %s.",
		format(moved), format(date))
}

func breakStep(a Absence, years int, date time.Time) Text {
	return text("The trip of %s to %s (%d days abroad) lasted a year or more and broke continuous residence: the N-400 may be filed %d years and 1 day after the return, from %s (8 CFR 316.5(c)(1)(ii)).",
		"El viaje del %s al %s (%d días fuera) duró un año o más y rompió la residencia continua: el N-400 se puede presentar %d años y 1 día después del regreso, desde el %s (8 CFR 316.5(c)(1)(ii)).",
		format(a.Departed), format(a.Returned), a.Days, years, format(date))
}

func inProgressStep(departed time.Time) Text {
	return text("Abroad since %s: the date counts the return as today.",
		"Fuera del país desde el %s: la fecha cuenta el regreso como hoy.", format(departed))
}

func presenceStep(p provision, from, to time.Time) Text {
	return text("On %s the days in the US in the %d years before would be short of %d: the first day with %d is %s.",
		"El %s los días en EE. UU. en los %d años anteriores no llegarían a %d: el primer día con %d es el %s.",
		format(from), p.years, p.presence, p.presence, format(to))
}

func threeYearLater(d time.Time) Text {
	if d.IsZero() {
		return text("The 3-year rule for spouses of US citizens gives no date here.",
			"La regla de 3 años para cónyuges de ciudadanos no da fecha aquí.")
	}
	return text("The 3-year rule for spouses of US citizens would give %s, which is later: the 5-year rule applies.",
		"La regla de 3 años para cónyuges de ciudadanos daría el %s, que es más tarde: se aplica la regla de 5 años.", format(d))
}

func fiveYearLater(d time.Time) Text {
	if d.IsZero() {
		return text("Filing under the 3-year rule for spouses of US citizens.",
			"Se presenta por la regla de 3 años para cónyuges de ciudadanos.")
	}
	return text("Filing under the 3-year rule for spouses of US citizens; the 5-year rule would give %s.",
		"Se presenta por la regla de 3 años para cónyuges de ciudadanos; la regla de 5 años daría el %s.", format(d))
}

func noResidentSince() Text {
	return text("Add the \"Resident Since\" date of the green card to work out when the N-400 can be filed.",
		"Agregue la fecha \"Resident Since\" de la green card para calcular cuándo se puede presentar el N-400.")
}

func noStateDate() Text {
	return text("The N-400 needs 3 months living in the state (or USCIS district) where it is filed: if the move there was recent, add its date.",
		"El N-400 exige 3 meses viviendo en el estado (o distrito de USCIS) donde se presenta: si la mudanza fue reciente, agregue su fecha.")
}

// marriageWarnings are said whenever the 3-year rule is considered.
func marriageWarnings(f Facts) []Text {
	var w []Text
	if f.Married.IsZero() {
		w = append(w, text("The 3-year rule needs 3 years of marriage when filing: add the wedding date.",
			"La regla de 3 años exige 3 años de matrimonio al presentar: agregue la fecha de la boda."))
	}
	if f.SpouseCitizenSince.IsZero() {
		w = append(w, text("The date takes the spouse to have been a US citizen for the 3 years before filing: if the spouse naturalised, add that date.",
			"La fecha supone que el cónyuge fue ciudadano durante los 3 años antes de presentar: si se naturalizó, agregue esa fecha."))
	}
	return append(w, text("The 3-year rule holds only while living with the US-citizen spouse, married until the oath.",
		"La regla de 3 años vale solo si vive con el cónyuge ciudadano y siguen casados hasta el juramento."))
}

func presumedWarning(a Absence, years int, date time.Time) Text {
	return text("The trip of %s to %s (%d days abroad) lasted more than 6 months: USCIS presumes it broke continuous residence. The date holds only if you show it did not (a US job, home and family kept); if not, the earliest date is %d years and 1 day after the return, %s, or later.",
		"El viaje del %s al %s (%d días fuera) duró más de 6 meses: USCIS presume que rompió la residencia continua. La fecha vale solo si demuestra que no (trabajo, casa y familia mantenidos en EE. UU.); si no, la fecha más temprana es %d años y 1 día después del regreso, el %s, o más tarde.",
		format(a.Departed), format(a.Returned), a.Days, years, format(date))
}

func inProgressWarning(departed time.Time) Text {
	return text("Abroad since %s and not back yet: the date assumes the return is today and moves with every day abroad.",
		"Fuera del país desde el %s y sin regresar: la fecha supone el regreso hoy y se mueve con cada día fuera.", format(departed))
}

func presenceNever(p provision) Text {
	return text("The trips leave fewer than %d days in the US in any %d years ahead: no filing date can be worked out.",
		"Los viajes dejan menos de %d días en EE. UU. en cualquier período de %d años: no se puede calcular una fecha.", p.presence, p.years)
}

func tooFar() Text {
	return text("The dates reach too far ahead to work out a filing date: check the years of the dates and trips.",
		"Las fechas llegan demasiado lejos para calcular una fecha: revise los años de las fechas y los viajes.")
}
