package deadline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// workedCase is a worked example of one rule: a vault, the day it is
// computed on, the dates the rule must give, and words its title and
// action must hold in each language.
type workedCase struct {
	name, today string
	build       func(b *vaultBuilder)
	rule        string
	want        []string
	en, es      []string
}

// TestWorkedExamples holds the rules to the law they come from: each
// case is a date in, the date out and what the text must say.
func TestWorkedExamples(t *testing.T) {
	t.Parallel()
	none := vault.Residence{}
	cases := []workedCase{
		// An RFE without a printed date: 84 + 3 days at most, and for an
		// N-400 about 30 + 3; both say to read the printed date now.
		{"RFE on an N-400: 30 + 3 days, on a Saturday", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "N-400", ""), "Request for Evidence", "2026-03-02")
		}, "rfe-response-n400", []string{"2026-04-04"},
			[]string{"30 days plus 3 for mail", "Read the due date printed", "April 4, 2026 falls on a Saturday", "aim for Friday, April 3, 2026"},
			[]string{"30 días más 3 por correo", "Lea hoy", "cae en sábado", "procure el viernes 3 de abril de 2026"}},
		{"RFE on an N-400 is not given 84 days", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "N-400", ""), "Request for Evidence", "2026-03-02")
		}, "rfe-response", nil, nil, nil},
		{"RFE on an I-485: read the printed date today", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-485", ""), "Request for Evidence", "2026-03-02")
		}, "rfe-response", []string{"2026-05-28"},
			[]string{"Read the due date printed", "today", "much less"}, []string{"Lea hoy", "mucho menos"}},

		// Revocations: 15 days, 18 when mailed (8 CFR 205.2(d)).
		{"revocation of a petition", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-130", ""), "Notice of Revocation", "2026-03-02")
		}, "revocation-appeal", []string{"2026-03-20"},
			[]string{"15 days, plus 3 for mail", "revoked"}, []string{"15 días, más 3 por correo", "revocó"}},
		{"a revocation read as another name", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-140", ""), "revocation notice", "2026-03-02")
		}, "revocation-appeal", []string{"2026-03-20"}, nil, nil},
		{"a denial warns of the revocation's 15 days", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-130", ""), "Denial Notice", "2026-03-02")
		}, "appeal-or-motion", []string{"2026-04-04"},
			[]string{"revokes an approved petition", "15 days (18 if mailed)"}, []string{"revoca una petición aprobada", "15 días (18 si llegó por correo)"}},

		// Immigration court: 30 calendar days to the BIA, no mail days.
		{"appeal to the Board of Immigration Appeals", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-589", ""), "Immigration Judge Decision", "2026-03-02")
		}, "bia-appeal", []string{"2026-04-01"},
			[]string{"EOIR-26", "30 calendar days", "no extra days for mail"}, []string{"EOIR-26", "30 días calendario", "sin días adicionales por correo"}},

		// I-751 with a waiver: any time, not in the 90-day window.
		{"I-751 waiver: may be filed now", "2026-01-15", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", vault.Residence{Since: "2025-02-10", Conditional: true}), vault.Situation{I751Waiver: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-02-10")
		}, "i751-waiver-filing", []string{"2025-02-10"},
			[]string{"at any time", "no need to wait"}, []string{"en cualquier momento", "no hace falta esperar"}},
		{"I-751 waiver: no 'do not file earlier'", "2026-11-15", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", vault.Residence{Since: "2025-02-10", Conditional: true}), vault.Situation{I751Waiver: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-02-10")
		}, "i751-window-opens", nil, nil, nil},
		{"I-751 waiver: the card's expiry still matters", "2026-11-15", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", vault.Residence{Since: "2025-02-10", Conditional: true}), vault.Situation{I751Waiver: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-02-10")
		}, "i751-window-closes", []string{"2027-02-09"},
			[]string{"waive the joint filing can still be filed later"}, []string{"se puede presentar después"}},

		// EB-5 family: the form follows the principal's case.
		{"an investor's spouse files I-829", "2026-09-01", func(b *vaultBuilder) {
			investor := b.person("Ivo", vault.Residence{Conditional: true})
			b.filed(investor, "I-526E", "2022-01-01")
			spouse := b.situation(b.person("Ana", vault.Residence{Conditional: true}), vault.Situation{PrincipalID: investor.ID})
			b.doc(spouse, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i829-window-opens", []string{"2026-09-16"}, []string{"Form I-829"}, []string{"formulario I-829"}},
		{"an investor's spouse is included in the principal's I-829", "2026-11-29", func(b *vaultBuilder) {
			investor := b.person("Ivo", vault.Residence{Conditional: true})
			b.filed(investor, "I-526E", "2022-01-01")
			b.filed(investor, "I-829", "2026-10-01")
			spouse := b.situation(b.person("Ana", vault.Residence{Conditional: true}), vault.Situation{PrincipalID: investor.ID})
			b.doc(spouse, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i829-receipt-extension", []string{"2030-12-15"}, []string{"Form I-829 was received on October 1, 2026"}, nil},
		{"an investor's spouse is still reminded, in case the I-829 left her out", "2026-11-29", func(b *vaultBuilder) {
			investor := b.person("Ivo", vault.Residence{Conditional: true})
			b.filed(investor, "I-526E", "2022-01-01")
			b.filed(investor, "I-829", "2026-10-01")
			spouse := b.situation(b.person("Ana", vault.Residence{Conditional: true}), vault.Situation{PrincipalID: investor.ID})
			b.doc(spouse, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i829-window-closes", []string{"2026-12-14"}, []string{"included in the investor's own Form I-829"}, []string{"incluidos en el formulario I-829 del inversionista"}},
		{"an investor's spouse is not told to file I-751", "2026-09-01", func(b *vaultBuilder) {
			investor := b.person("Ivo", vault.Residence{Conditional: true})
			b.filed(investor, "I-526E", "2022-01-01")
			spouse := b.situation(b.person("Ana", vault.Residence{Conditional: true}), vault.Situation{PrincipalID: investor.ID})
			b.doc(spouse, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i751-window-opens", nil, nil, nil},

		// The 540-day extension of A17, A18 and C26 ends with the I-94.
		{"H-4 spouse: the extension ends with the I-94", "2026-01-15", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31"), "C26")
			classed(b.doc(p, ids.I94, "", "123456789A1", "2026-06-30"), "H4")
			b.filed(p, "I-765", "2025-10-29")
		}, "ead-extension-ends-540-i94", []string{"2026-06-30"},
			[]string{"never past the I-94", "June 30, 2026", "must stop working", "STEM OPT", "cap-gap"},
			[]string{"nunca más allá del I-94", "30 de junio de 2026", "STEM OPT", "cap-gap"}},
		{"L-2 spouse without a dated I-94: 540 days, and check the I-94", "2026-01-15", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31"), "A18")
			b.filed(p, "I-765", "2025-10-29")
		}, "ead-extension-ends-540-i94", []string{"2027-07-25"}, []string{"check it"}, []string{"revísela"}},
		{"a spouse's card does not get the plain 540 days", "2026-01-15", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31"), "A17")
			b.filed(p, "I-765", "2025-10-29")
		}, "ead-extension-ends-540", nil, nil, nil},
		{"'must stop working' names STEM OPT and cap-gap", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31")
			b.filed(p, "I-765", "2025-11-10")
		}, "ead-expires-no-extension", []string{"2026-01-31"},
			[]string{"must stop working", "STEM OPT", "180 days", "cap-gap"}, []string{"STEM OPT", "180 días", "cap-gap"}},

		// Humanitarian parole ends a stay; Advance Parole a trip.
		{"humanitarian parole by its label", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Humanitarian parole (CHNV)", "AP0000007", "2027-01-10")
		}, "humanitarian-parole-expires", []string{"2027-01-10"},
			[]string{"re-parole", "not a travel date"}, []string{"nuevo parole", "no una fecha de viaje"}},
		{"humanitarian parole is not Advance Parole", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Humanitarian parole", "AP0000007", "2027-01-10")
		}, "advance-parole-expires", nil, nil, nil},
		{"parole marked humanitarian", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Parole", "AP0000007", "2027-01-10").Parole = vault.ParoleHumanitarian
		}, "humanitarian-parole-expires", []string{"2027-01-10"}, nil, nil},
		{"parole marked advance, whatever its label", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Travel document", "AP0000007", "2027-01-10").Parole = vault.ParoleAdvance
		}, "advance-parole-expires", []string{"2027-01-10"}, nil, nil},
		{"a parole of unknown kind says both", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Parole", "AP0000007", "2027-01-10")
		}, "parole-expires", []string{"2027-01-10"},
			[]string{"Check which kind", "Advance Parole", "re-parole"}, []string{"Revise de qué tipo es"}},

		// Visa Waiver visitors and K-1s do not extend with I-539.
		{"Visa Waiver visitor", "2026-11-29", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2027-02-01"), "WT")
		}, "i94-visa-waiver", []string{"2027-02-01"},
			[]string{"Visa Waiver Program (ESTA)", "cannot extend", "I-539"}, []string{"Exención de Visa (ESTA)", "no puede extender"}},
		{"Visa Waiver visitor is not told to file I-539", "2026-11-29", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2027-02-01"), "WB")
		}, "i94-admit-until", nil, nil, nil},
		{"K-1 fiancée", "2026-11-29", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2027-02-01"), "K1")
		}, "k1-admission-ends", []string{"2027-02-01"},
			[]string{"marriage", "Form I-485", "cannot extend"}, []string{"matrimonio", "formulario I-485"}},
		{"K-2 child", "2026-11-29", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2027-02-01"), "K2")
		}, "k1-admission-ends", []string{"2027-02-01"}, []string{"child of a K-1"}, []string{"hijo o hija de un prometido K-1"}},
		{"an I-94 without a class says to check", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2027-02-01")
		}, "i94-admit-until", []string{"2027-02-01"}, []string{"Visa Waiver Program (ESTA)", "K-1", "re-parole"}, []string{"ESTA", "K-1", "nuevo parole"}},

		// D/S: the program end date and the grace period.
		{"F-1 with D/S: program end, and the fixed-date rule to check", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus), "F1")
			classed(b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
		}, "ds-program-ends", []string{"2026-05-15"},
			[]string{"I-20", "60 days for F-1", "could not be confirmed"}, []string{"I-20", "60 días para F-1", "no se pudo confirmar"}},
		{"F-1 grace period: 60 days", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus)
			classed(b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
		}, "ds-grace-ends-f1", []string{"2026-07-14"}, []string{"60-day grace period"}, []string{"período de gracia de 60 días"}},
		{"J-1 grace period: 30 days", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus)
			classed(b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15"), "J1")
		}, "ds-grace-ends-j1", []string{"2026-06-14"}, []string{"30 days"}, []string{"30 días"}},
		{"an I-20 without its status takes the D/S I-94's class", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus), "J1")
			b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15")
		}, "ds-grace-ends-j1", []string{"2026-06-14"}, nil, nil},
		{"an I-20 without any class gives no grace date", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus)
			b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15")
		}, "ds-grace-ends-f1", nil, nil, nil},
		{"without any class the program end still counts, with both grace periods", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.I94, "", "123456789A1", vault.DurationOfStatus)
			b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15")
		}, "ds-program-ends", []string{"2026-05-15"},
			[]string{"I-20 or DS-2019", "60 days for F-1, 30 for J-1 and M-1"}, []string{"I-20 o DS-2019", "30 para J-1 y M-1"}},
		{"a dated I-94 is not D/S", "2026-03-01", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			b.doc(p, ids.I94, "", "123456789A1", "2026-09-01")
			classed(b.doc(p, ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
		}, "ds-grace-ends-f1", nil, nil, nil},

		// Work permits with their own windows.
		{"STEM OPT: from 90 days before", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-06-30"), "C03B")
		}, "stem-opt-window-opens", []string{"2026-04-01"}, []string{"90 days before, not earlier"}, []string{"90 días antes, no antes"}},
		{"STEM OPT: before the card expires", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-06-30"), "C03B")
		}, "stem-opt-window-closes", []string{"2026-06-29"}, []string{"before the OPT work permit expires", "work must stop", "cap-gap"}, []string{"cap-gap"}},
		{"OPT is not renewed 180 days ahead", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-06-30"), "C03B")
		}, "ead-renewal-window", nil, nil, nil},
		{"DACA: from 150 days before", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-12-31"), "C33")
		}, "daca-renewal-window-opens", []string{"2026-08-03"}, []string{"150 days before"}, []string{"150 días antes"}},
		{"DACA: by 120 days before", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-12-31"), "C33")
		}, "daca-renewal-window-closes", []string{"2026-09-02"}, []string{"120 days before"}, []string{"120 días antes"}},
		{"TPS: the Federal Register window, no invented date", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-09-09"), "A12")
		}, "tps-ead-renewal", []string{"2026-09-09"},
			[]string{"Federal Register", "uscis.gov/tps", "does not know those dates"}, []string{"Registro Federal", "immivault no conoce esas fechas"}},
		{"a work permit without its category names the other windows", "2026-03-01", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-12-31")
		}, "ead-renewal-window", []string{"2026-07-04"}, []string{"180 days before", "OPT, STEM OPT, TPS and DACA"}, []string{"OPT, STEM OPT, TPS y DACA"}},
		{"TPS is not renewed 180 days ahead", "2026-03-01", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-09-09"), "C19")
		}, "ead-renewal-window", nil, nil, nil},

		// Moving: AR-11 within 10 days, on a holiday here.
		{"change of address within 10 days", "2026-03-02", func(b *vaultBuilder) {
			b.situation(b.person("Ana", none), vault.Situation{Moved: "2026-03-02"})
		}, "change-of-address", []string{"2026-03-12"}, []string{"AR-11", "within 10 days"}, []string{"AR-11", "dentro de 10 días"}},
		{"change of address due on Thanksgiving", "2026-11-16", func(b *vaultBuilder) {
			b.situation(b.person("Ana", none), vault.Situation{Moved: "2026-11-16"})
		}, "change-of-address", []string{"2026-11-26"},
			[]string{"a federal holiday (Thanksgiving Day)", "aim for Wednesday, November 25, 2026"},
			[]string{"Día de Acción de Gracias", "procure el miércoles 25 de noviembre de 2026"}},

		// Turning 14: I-90 within 30 days, unless the card expires before 16.
		{"green card holder turns 14", "2026-05-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Since: "2020-01-01"})
			p.Born = "2012-06-01"
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2030-01-01")
		}, "green-card-at-14", []string{"2026-07-01"}, []string{"turns 14", "I-90", "30 days"}, []string{"cumple 14 años", "I-90"}},
		{"turns 14 with a card that expires before 16", "2026-05-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Since: "2020-01-01"})
			p.Born = "2012-06-01"
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2028-05-31")
		}, "green-card-at-14", nil, nil, nil},

		// Asylum: a year from arrival, and the annual fee.
		{"asylum within a year of arrival", "2026-04-01", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", none), vault.Situation{SeeksAsylum: true})
			issued(b.doc(p, ids.I94, "", "123456789A1", "2026-09-09"), "2026-03-10")
		}, "asylum-one-year", []string{"2027-03-09"}, []string{"I-589", "within one year"}, []string{"I-589", "dentro de un año"}},
		{"no asylum deadline for one who does not seek it", "2026-04-01", func(b *vaultBuilder) {
			issued(b.doc(b.person("Ana", none), ids.I94, "", "123456789A1", "2026-09-09"), "2026-03-10")
		}, "asylum-one-year", nil, nil, nil},
		{"asylum filed: no deadline", "2026-04-01", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", none), vault.Situation{SeeksAsylum: true})
			issued(b.doc(p, ids.I94, "", "123456789A1", "2026-09-09"), "2026-03-10")
			b.filed(p, "I-589", "2026-03-30")
		}, "asylum-one-year", nil, nil, nil},
		{"annual asylum fee: 30 days from the notice", "2026-06-01", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", none), "I-589", "2025-01-01"), "Annual Asylum Fee Notice", "2026-06-01")
		}, "annual-asylum-fee", []string{"2026-07-01"}, []string{"30 days after the notice", "rejects"}, []string{"30 días después del aviso", "rechaza"}},

		// Immigrant visas and re-entry permits.
		{"immigrant visa: enter before it expires", "2026-04-01", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Immigrant visa", "X0000001", "2026-09-01")
		}, "immigrant-visa-expires", []string{"2026-09-01"}, []string{"must arrive in the US"}, []string{"debe llegar a EE. UU."}},
		{"an immigrant visa is not a nonimmigrant one", "2026-04-01", func(b *vaultBuilder) {
			b.doc(b.person("Ana", none), ids.Other, "Immigrant visa", "X0000001", "2026-09-01")
		}, "visa-expires", nil, nil, nil},
		{"immigrant visa without its expiry: 6 months from issue", "2026-04-01", func(b *vaultBuilder) {
			issued(b.doc(b.person("Ana", none), ids.Other, "Immigrant visa", "X0000001", ""), "2026-03-15")
		}, "immigrant-visa-expires-computed", []string{"2026-09-14"}, []string{"at most 6 months"}, []string{"como máximo 6 meses"}},
		{"re-entry permit without its expiry: 2 years", "2026-04-01", func(b *vaultBuilder) {
			issued(b.doc(b.person("Ana", vault.Residence{Since: "2020-01-01"}), ids.Other, "Re-entry permit", "X0000001", ""), "2026-01-10")
		}, "reentry-permit-expires-computed", []string{"2028-01-09"}, []string{"at most 2 years"}, []string{"como máximo 2 años"}},
		{"re-entry permit", "2026-04-01", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Since: "2020-01-01"}), ids.Other, "Permiso de reingreso", "X0000001", "2028-01-10")
		}, "reentry-permit-expires", []string{"2028-01-10"}, []string{"a year or more"}, []string{"un año o más"}},

		// Permanent residents abroad.
		{"resident abroad: under 180 days", "2026-02-01", func(b *vaultBuilder) {
			b.trip(b.person("Ana", vault.Residence{Since: "2020-01-01"}), "2026-01-05", "")
		}, "resident-abroad-180-days", []string{"2026-07-03"}, []string{"under 180 days"}, []string{"por debajo de 180 días"}},
		{"resident abroad: under a year", "2026-02-01", func(b *vaultBuilder) {
			b.trip(b.person("Ana", vault.Residence{Since: "2020-01-01"}), "2026-01-05", "")
		}, "resident-abroad-one-year", []string{"2027-01-04"}, []string{"re-entry permit"}, []string{"permiso de reingreso"}},
		{"a trip that ended is no warning", "2026-02-01", func(b *vaultBuilder) {
			b.trip(b.person("Ana", vault.Residence{Since: "2020-01-01"}), "2026-01-05", "2026-01-20")
		}, "resident-abroad-180-days", nil, nil, nil},
		{"a visitor abroad is no resident", "2026-02-01", func(b *vaultBuilder) {
			b.trip(b.person("Ana", none), "2026-01-05", "")
		}, "resident-abroad-one-year", nil, nil, nil},

		// Conditional residents travel on the expired card with the receipt.
		{"conditional card expired, I-751 pending", "2026-02-15", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-03-01")
			b.filed(p, "I-751", "2026-01-05")
		}, "conditional-card-travel", []string{"2026-03-01"},
			[]string{"Form I-751", "48 months", "original receipt notice"}, []string{"48 meses", "aviso de recibo original"}},

		// OPT: file from 90 days before to 60 after; 90 and 150 days unemployed.
		{"OPT filing opens", "2026-01-15", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
		}, "opt-window-opens", []string{"2026-02-14"}, []string{"90 days before"}, []string{"90 días antes"}},
		{"OPT filing closes 60 days after the program", "2026-01-15", func(b *vaultBuilder) {
			classed(b.doc(b.person("Ana", none), ids.SEVISID, "", "N0012345678", "2026-05-15"), "F1")
		}, "opt-window-closes", []string{"2026-07-14"}, []string{"60 days after the program end date"}, []string{"60 días después"}},
		{"OPT: 90 days of unemployment", "2026-01-15", func(b *vaultBuilder) {
			issued(classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2026-12-31"), "C03B"), "2026-01-01")
		}, "opt-unemployment-90", []string{"2026-04-01"}, []string{"90 days in all"}, []string{"90 días en total"}},
		{"STEM OPT: 150 days in all", "2026-07-01", func(b *vaultBuilder) {
			issued(classed(b.doc(b.person("Ana", none), ids.EADCard, "", "IOE0912345678", "2028-06-30"), "C03C"), "2026-07-01")
		}, "stem-opt-unemployment-150", []string{"2026-08-30"}, []string{"150 days in all"}, []string{"150 días en total"}},

		// Workers: 60 days after the job, 240 days while an extension is pending.
		{"job ended: 60 days", "2026-03-02", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", none), vault.Situation{JobEnded: "2026-03-02"})
			classed(b.doc(p, ids.I94, "", "123456789A1", "2027-01-01"), "H1B")
		}, "job-ended-grace", []string{"2026-04-30"}, []string{"60 days", "January 1, 2027"}, []string{"60 días"}},
		{"job ended: the I-94 ends first", "2026-03-02", func(b *vaultBuilder) {
			p := b.situation(b.person("Ana", none), vault.Situation{JobEnded: "2026-03-02"})
			classed(b.doc(p, ids.I94, "", "123456789A1", "2026-04-01"), "L1")
		}, "job-ended-grace", []string{"2026-04-01"}, []string{"until April 1, 2026"}, []string{"hasta el 1 de abril de 2026"}},
		{"extension pending: 240 days", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.I94, "", "123456789A1", "2026-03-31"), "H1B")
			b.filed(p, "I-129", "2026-02-01")
		}, "extension-pending-240", []string{"2026-11-25"}, []string{"240 days", "same employer"}, []string{"240 días", "mismo empleador"}},
		{"extension filed late: no 240 days", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", none)
			classed(b.doc(p, ids.I94, "", "123456789A1", "2026-03-31"), "H1B")
			b.filed(p, "I-129", "2026-04-02")
		}, "extension-pending-240", nil, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := newVault()
			tc.build(b)
			ds := ofRule(Compute(b.ix, day(tc.today)), tc.rule)
			var got []string
			for _, d := range ds {
				got = append(got, d.Date.Format(time.DateOnly))
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("%s on %s: got %q, want %q", tc.rule, tc.today, got, tc.want)
			}
			for _, d := range ds {
				for _, w := range tc.en {
					if !strings.Contains(d.Title.EN+" "+d.Action.EN, w) {
						t.Errorf("%s: the English text lacks %q: %s / %s", tc.rule, w, d.Title.EN, d.Action.EN)
					}
				}
				for _, w := range tc.es {
					if !strings.Contains(d.Title.ES+" "+d.Action.ES, w) {
						t.Errorf("%s: the Spanish text lacks %q: %s / %s", tc.rule, w, d.Title.ES, d.Action.ES)
					}
				}
			}
		})
	}
}

// TestComputedResponsesRemindOnTheNoticeDate: a computed response date is
// only the latest possible one, so the first reminder is on the notice
// date, to read the real one.
func TestComputedResponsesRemindOnTheNoticeDate(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.person("Ana", vault.Residence{})
	b.notice(b.filed(p, "I-485", ""), "Request for Evidence", "2026-03-02")
	b.notice(b.filed(p, "N-400", ""), "Request for Evidence", "2026-03-02")
	ds := Compute(b.ix, day("2026-03-02"))
	for _, rule := range []string{"rfe-response", "rfe-response-n400"} {
		got := ofRule(ds, rule)
		if len(got) != 1 {
			t.Fatalf("%s: %d deadlines", rule, len(got))
		}
		if first := got[0].Date.AddDate(0, 0, -got[0].LeadDays[0]); !first.Equal(day("2026-03-02")) {
			t.Errorf("%s: first reminder on %s, not on the notice date", rule, first.Format(time.DateOnly))
		}
	}
}

// TestUnconfirmedRulesSayCheck: a rule whose fact could not be confirmed
// is unverified, and its texts send the reader to check rather than
// state the date as sure.
func TestUnconfirmedRulesSayCheck(t *testing.T) {
	t.Parallel()
	for _, id := range []string{"ds-program-ends", "tps-ead-renewal", "rfe-response-n400", "parole-expires"} {
		i := slices.IndexFunc(Rules(), func(r Rule) bool { return r.ID == id })
		if i < 0 {
			t.Fatalf("no rule %s", id)
		}
		r := Rules()[i]
		if r.Reliability != "unverified" || r.VerifiedOn != "" {
			t.Errorf("%s: reliability %q, verified %q; want unverified", id, r.Reliability, r.VerifiedOn)
		}
		if !strings.Contains(strings.ToLower(r.Action.EN), "check") || !strings.Contains(strings.ToLower(r.Action.ES), "revise") {
			t.Errorf("%s: the texts do not say to check: %q / %q", id, r.Action.EN, r.Action.ES)
		}
	}
}

// TestOldDatesOfOtherKindsCloseNoWindow: a window open since long ago is
// kept although the same person has other dates long past (a move, a
// birthday, a job's end), which say nothing about it.
func TestOldDatesOfOtherKindsCloseNoWindow(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.situation(b.person("Ana", vault.Residence{Since: "2025-02-10", Conditional: true}),
		vault.Situation{I751Waiver: true, Moved: "2025-03-01", JobEnded: "2025-01-10"})
	p.Born = "1990-01-01"
	b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-02-10")
	if got := ofRule(Compute(b.ix, day("2026-01-15")), "i751-waiver-filing"); len(got) != 1 {
		t.Errorf("the waiver's window is gone: %+v", got)
	}
	// The 90 days of unemployment counted from a card's start long ago
	// close none of the card's windows.
	opt := newVault()
	issued(classed(opt.doc(opt.person("Ana", vault.Residence{}), ids.EADCard, "", "IOE0912345678", "2026-02-10"), "C03B"), "2025-02-10")
	if got := ofRule(Compute(opt.ix, day("2026-01-15")), "stem-opt-window-opens"); len(got) != 1 {
		t.Errorf("the STEM OPT window is gone: %+v", got)
	}
}

func TestClosedDays(t *testing.T) {
	t.Parallel()
	cases := []struct {
		day    string
		closed bool
		why    string
	}{
		{"2026-07-03", true, "Independence Day"}, // July 4 on a Saturday, observed on Friday
		{"2026-07-04", true, "Saturday"},
		{"2027-07-05", true, "Independence Day"}, // on a Sunday, observed on Monday
		{"2026-11-26", true, "Thanksgiving Day"},
		{"2026-05-25", true, "Memorial Day"},
		{"2026-01-19", true, "Martin Luther King Jr. Day"},
		{"2026-06-19", true, "Juneteenth"},
		{"2020-06-19", false, ""}, // before Juneteenth was a holiday
		{"2027-12-24", true, "Christmas Day"},
		{"2027-12-31", true, "New Year's Day"}, // January 1, 2028 is a Saturday
		{"2026-10-12", true, "Columbus Day"},
		{"2026-11-11", true, "Veterans Day"},
		{"2026-12-07", false, ""},
		{"2026-12-06", true, "Sunday"},
	}
	for _, tc := range cases {
		why, closed := closed(day(tc.day))
		if closed != tc.closed || !strings.Contains(why[0], tc.why) {
			t.Errorf("%s: closed %v (%q), want %v (%q)", tc.day, closed, why[0], tc.closed, tc.why)
		}
	}
}

// TestOnlyFilingDeadlinesGetTheClosedDayNote: an expiry on a weekend is
// the day the document ends, not a day to file by.
func TestOnlyFilingDeadlinesGetTheClosedDayNote(t *testing.T) {
	t.Parallel()
	b := newVault()
	b.doc(b.person("Ana", vault.Residence{}), ids.Passport, "MEX", "X1234567", "2027-05-01") // a Saturday
	for _, d := range Compute(b.ix, day("2026-11-29")) {
		if strings.Contains(d.Action.EN, "business day") {
			t.Errorf("%s: %q", d.Rule, d.Action.EN)
		}
	}
}
