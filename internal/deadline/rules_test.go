package deadline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"immivault/internal/ids"
	"immivault/internal/vault"
)

// ruleCase is one worked date: a vault, the day Compute runs on, and the
// deadlines one rule must give (dates as YYYY-MM-DD; none for "no
// deadline").
type ruleCase struct {
	name  string
	today string
	build func(b *vaultBuilder)
	rule  string
	want  []string
}

func TestRules(t *testing.T) {
	t.Parallel()
	cases := []ruleCase{
		// Responses to a Request for Evidence: 84 days + 3 for mail.
		{"RFE computed", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Request for Evidence", "2026-03-02")
		}, "rfe-response", []string{"2026-05-28"}},
		{"RFE computed across leap February", "2024-01-15", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Request for Evidence", "2024-01-15")
		}, "rfe-response", []string{"2024-04-11"}},
		{"RFE computed across common February", "2025-01-15", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Request for Evidence", "2025-01-15")
		}, "rfe-response", []string{"2025-04-12"}},
		{"RFE notice without a notice date", "2026-03-02", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Request for Evidence", "")
		}, "rfe-response", nil},
		{"RFE printed date", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.event(p, k, b.notice(k, "Request for Evidence", "2026-03-02"), "rfe-due", "2026-05-01", "")
		}, "rfe-response-printed", []string{"2026-05-01"}},
		{"RFE printed date replaces the computed one", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.event(p, k, b.notice(k, "Request for Evidence", "2026-03-02"), "rfe-due", "2026-05-01", "")
		}, "rfe-response", nil},
		{"RFE due date typed on the case replaces the computed one", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.notice(k, "Request for Evidence", "2026-03-02")
			b.event(p, k, nil, "rfe-due", "2026-05-01", "")
		}, "rfe-response", nil},
		{"RFE due date typed for an earlier notice does not replace a later one", "2026-03-02", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.event(p, k, nil, "rfe-due", "2026-01-20", "")
			b.notice(k, "Request for Evidence", "2026-03-02")
		}, "rfe-response", []string{"2026-05-28"}},
		{"RFE before the 2007 rule", "2007-03-01", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Request for Evidence", "2007-03-01")
		}, "rfe-response", nil},

		// Notices of intent: 30 days + 3 for mail.
		{"NOID computed, across the year end", "2026-12-20", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Notice of Intent to Deny", "2026-12-20")
		}, "noid-response", []string{"2027-01-22"}},
		{"NOID printed date", "2026-12-20", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.event(p, k, b.notice(k, "Notice of Intent to Deny", "2026-12-20"), "noid-due", "2027-01-19", "")
		}, "noid-response-printed", []string{"2027-01-19"}},
		{"NOID printed date replaces the computed one", "2026-12-20", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			k := b.filed(p, "I-485", "")
			b.event(p, k, b.notice(k, "Notice of Intent to Deny", "2026-12-20"), "noid-due", "2027-01-19", "")
		}, "noid-response", nil},
		{"NOIR computed", "2026-02-10", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-140", ""), "Notice of Intent to Revoke", "2026-02-10")
		}, "noir-response", []string{"2026-03-15"}},

		// Appointments: the printed date and time.
		{"biometrics", "2026-11-29", func(b *vaultBuilder) {
			b.event(b.person("Ana", vault.Residence{}), nil, nil, "biometrics", "2026-12-03", "09:30")
		}, "biometrics-appointment", []string{"2026-12-03 09:30"}},
		{"interview", "2026-11-29", func(b *vaultBuilder) {
			b.event(b.person("Ana", vault.Residence{}), nil, nil, "interview", "2027-01-12", "")
		}, "interview-appointment", []string{"2027-01-12"}},
		{"other appointment, bad time dropped", "2026-11-29", func(b *vaultBuilder) {
			b.event(b.person("Ana", vault.Residence{}), nil, nil, "appointment", "2027-01-12", "9am")
		}, "other-appointment", []string{"2027-01-12"}},

		// Denials: 30 days + 3 for mail after the decision.
		{"appeal of an I-485 denial", "2026-11-20", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "I-485", ""), "Denial Notice", "2026-11-20")
		}, "appeal-or-motion", []string{"2026-12-23"}},
		{"appeal of a denial of an unknown form", "2026-11-20", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "", ""), "Denial Notice", "2026-11-20")
		}, "appeal-or-motion", []string{"2026-12-23"}},
		{"no I-290B for an N-400 denial", "2026-11-20", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "N-400", ""), "Denial Notice", "2026-11-20")
		}, "appeal-or-motion", nil},
		{"N-336 after an N-400 denial", "2026-11-20", func(b *vaultBuilder) {
			b.notice(b.filed(b.person("Ana", vault.Residence{}), "N-400", ""), "Denial Notice", "2026-11-20")
		}, "n336-hearing-request", []string{"2026-12-23"}},

		// I-90: from 6 months before a 10-year card expires.
		{"I-90 window", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.GreenCard, "", "SRC0123456789", "2027-06-15")
		}, "i90-window-opens", []string{"2026-12-15"}},
		{"I-90 window, 6 months before August 31", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.GreenCard, "", "SRC0123456789", "2027-08-31")
		}, "i90-window-opens", []string{"2027-03-01"}},
		{"I-90 window, 6 months before August 31 of a leap year", "2027-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.GreenCard, "", "SRC0123456789", "2028-08-31")
		}, "i90-window-opens", []string{"2028-03-01"}},
		{"green card expiry", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.GreenCard, "", "SRC0123456789", "2027-08-31")
		}, "green-card-expires", []string{"2027-08-31"}},
		{"no I-90 window once an I-90 is filed", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-04-30")
			b.filed(p, "I-90", "2026-11-01")
		}, "i90-window-opens", nil},
		{"an I-90 filed for an earlier card does not count", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-04-30")
			b.filed(p, "I-90", "2017-01-01")
		}, "green-card-expires", []string{"2027-04-30"}},
		{"I-90 receipt extends the card 36 months", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2027-04-30")
			b.filed(p, "I-90", "2026-11-01")
		}, "i90-receipt-extension", []string{"2030-04-30"}},
		{"I-90 extension from February 29 ends on February 28", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2024-02-29")
			b.filed(p, "I-90", "2024-01-10")
		}, "i90-receipt-extension", []string{"2027-02-28"}},
		{"I-90 extension before the 36-month policy", "2024-09-09", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2024-12-01")
			b.filed(p, "I-90", "2024-08-01")
		}, "i90-receipt-extension", nil},
		{"no I-90 for a conditional card", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2027-06-15")
		}, "i90-window-opens", nil},

		// I-751: the 90 days before a conditional card expires.
		{"I-751 window opens (docs/identifiers.md#deadlines)", "2026-09-01", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i751-window-opens", []string{"2026-09-16"}},
		{"I-751 window closes the day before expiry", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i751-window-closes", []string{"2026-12-14"}},
		{"I-751 window across a leap February", "2027-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2028-03-01")
		}, "i751-window-opens", []string{"2027-12-02"}},
		{"I-751 window closes at a month's start", "2027-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2028-03-01")
		}, "i751-window-closes", []string{"2028-02-29"}},
		{"I-751 filed: no window", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I-751", "2026-10-01")
		}, "i751-window-closes", nil},
		{"I-751 receipt extends the card 48 months", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I-751", "2026-10-01")
		}, "i751-receipt-extension", []string{"2030-12-15"}},
		{"I-751 extension before the 48-month policy", "2023-01-24", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2023-01-10")
			b.filed(p, "I-751", "2022-12-01")
		}, "i751-receipt-extension", nil},
		{"an investor files I-829, not I-751", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I-526E", "2022-01-01")
		}, "i751-window-opens", nil},

		// I-829: the same window, for investors.
		{"I-829 window opens", "2026-09-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I-526", "2022-01-01")
		}, "i829-window-opens", []string{"2026-09-16"}},
		{"I-829 window closes", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I526E", "2022-01-01")
		}, "i829-window-closes", []string{"2026-12-14"}},
		{"I-829 receipt extends the card 48 months", "2026-11-29", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{Conditional: true})
			b.doc(p, ids.GreenCard, "", "SRC0123456789", "2026-12-15")
			b.filed(p, "I-829", "2026-10-01")
		}, "i829-receipt-extension", []string{"2030-12-15"}},
		{"no I-829 without an investor case", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{Conditional: true}), ids.GreenCard, "", "SRC0123456789", "2026-12-15")
		}, "i829-window-opens", nil},

		// N-400: 90 days before the 5-year (3-year by marriage) anniversary.
		{"N-400, USCIS's own example", "2018-03-01", func(b *vaultBuilder) {
			b.person("Ana", vault.Residence{Since: "2013-07-04"})
		}, "n400-early-filing", []string{"2018-04-05"}},
		{"N-400, resident since February 29", "2024-11-01", func(b *vaultBuilder) {
			b.person("Ana", vault.Residence{Since: "2020-02-29"})
		}, "n400-early-filing", []string{"2024-12-01"}},
		{"N-400 by marriage, resident since February 29", "2022-11-01", func(b *vaultBuilder) {
			b.person("Ana", vault.Residence{Since: "2020-02-29", ViaMarriage: true})
		}, "n400-early-filing-marriage", []string{"2022-12-01"}},
		{"N-400 by marriage, anniversary in a common year", "2026-11-29", func(b *vaultBuilder) {
			b.person("Ana", vault.Residence{Since: "2024-02-29", ViaMarriage: true})
		}, "n400-early-filing-marriage", []string{"2026-12-01"}},
		{"N-400 by marriage: no 5-year reminder", "2026-11-29", func(b *vaultBuilder) {
			b.person("Ana", vault.Residence{Since: "2024-02-29", ViaMarriage: true})
		}, "n400-early-filing", nil},
		{"N-400 filed: no reminder", "2026-11-29", func(b *vaultBuilder) {
			b.filed(b.person("Ana", vault.Residence{Since: "2022-01-10"}), "N-400", "2026-10-20")
		}, "n400-early-filing", nil},

		// EAD: renew from 180 days before; automatic extension by filing date.
		{"EAD renewal window across months", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.EADCard, "", "IOE0912345678", "2027-03-31")
		}, "ead-renewal-window", []string{"2026-10-02"}},
		{"EAD expiry without a renewal", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.EADCard, "", "IOE0912345678", "2027-03-31")
		}, "ead-expires", []string{"2027-03-31"}},
		{"EAD renewal filed before 2025-10-30 keeps 540 days", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31")
			b.filed(p, "I-765", "2025-10-29")
		}, "ead-extension-ends-540", []string{"2027-07-25"}},
		{"EAD card expiry with a 540-day extension", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31")
			b.filed(p, "I-765", "2025-10-29")
		}, "ead-expires-extended-540", []string{"2026-01-31"}},
		{"EAD renewal filed on 2025-10-30: the 540-day rule has ended", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31")
			b.filed(p, "I-765", "2025-10-30")
		}, "ead-extension-ends-540", nil},
		{"EAD renewal filed after 2025-10-30: no extension", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-01-31")
			b.filed(p, "I-765", "2025-11-10")
		}, "ead-expires-no-extension", []string{"2026-01-31"}},
		{"EAD renewal filed late keeps no 540 days", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2025-10-01")
			b.filed(p, "I-765", "2025-10-15")
		}, "ead-extension-ends-540", nil},
		{"EAD renewal filed: no renewal window", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-05-31")
			b.filed(p, "I-765", "2025-12-05")
		}, "ead-renewal-window", nil},
		{"an I-765 received before the 180 days is not this card's renewal", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-05-31")
			b.filed(p, "I-765", "2025-12-01")
		}, "ead-renewal-window", []string{"2025-12-02"}},
		{"an I-765 from before the card does not renew it", "2025-12-01", func(b *vaultBuilder) {
			p := b.person("Ana", vault.Residence{})
			b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-05-31")
			b.filed(p, "I-765", "2024-01-10")
		}, "ead-expires", []string{"2026-05-31"}},

		// Travel documents.
		{"Advance Parole", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Other, "Advance Parole (I-512L)", "AP0000007", "2027-01-10")
		}, "advance-parole-expires", []string{"2027-01-10"}},
		{"Advance Parole labelled in Spanish", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Other, "Permiso de viaje", "AP0000007", "2027-01-10")
		}, "advance-parole-expires", []string{"2027-01-10"}},
		{"an Advance Parole is not a visa", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Other, "Advance Parole", "AP0000007", "2027-01-10")
		}, "visa-expires", nil},
		{"visa", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Other, "B-2 VISA", "X0000001", "2027-01-10")
		}, "visa-expires", []string{"2027-01-10"}},
		{"other labels are no document", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Other, "Library card", "X0000001", "2027-01-10")
		}, "visa-expires", nil},
		{"passport", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.Passport, "MEX", "X1234567", "2027-05-01")
		}, "passport-expires", []string{"2027-05-01"}},
		{"I-94 admit-until", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.I94, "", "123456789A1", "2027-02-01")
		}, "i94-admit-until", []string{"2027-02-01"}},
		{"I-94 D/S has no date", "2026-11-29", func(b *vaultBuilder) {
			b.doc(b.person("Ana", vault.Residence{}), ids.I94, "", "123456789A1", vault.DurationOfStatus)
		}, "i94-admit-until", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := newVault()
			tc.build(b)
			var got []string
			for _, d := range ofRule(Compute(b.ix, day(tc.today)), tc.rule) {
				s := d.Date.Format(time.DateOnly)
				if d.Time != "" {
					s += " " + d.Time
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s on %s: got %q, want %q", tc.rule, tc.today, got, tc.want)
			}
		})
	}
}

func TestComputedOrPrinted(t *testing.T) {
	t.Parallel()
	printed := map[string]bool{}
	for _, d := range Compute(richVault(), richToday) {
		if prev, ok := printed[d.Rule]; ok && prev != !d.Computed {
			t.Errorf("rule %s: Computed differs between its deadlines", d.Rule)
		}
		printed[d.Rule] = !d.Computed
	}
	for _, rule := range []string{"rfe-response-printed", "noid-response-printed", "biometrics-appointment",
		"interview-appointment", "green-card-expires", "ead-expires", "passport-expires", "i94-admit-until"} {
		if !printed[rule] {
			t.Errorf("rule %s: a printed or typed date is marked computed", rule)
		}
	}
	for _, rule := range []string{"rfe-response", "noid-response", "i751-window-opens", "n400-early-filing",
		"ead-extension-ends-540", "i90-receipt-extension"} {
		if printed[rule] {
			t.Errorf("rule %s: a computed date is not marked computed", rule)
		}
	}
}

func TestDeadlineFields(t *testing.T) {
	t.Parallel()
	b := newVault()
	p := b.person("Ana", vault.Residence{})
	k := b.filed(p, "I-485", "2025-06-01")
	n := b.notice(k, "Request for Evidence", "2026-03-02")
	ead := b.doc(p, ids.EADCard, "", "IOE0912345678", "2026-05-31")
	renewal := b.filed(p, "I-765", "2025-12-05")
	ds := Compute(b.ix, day("2026-03-02"))

	rfe := ofRule(ds, "rfe-response")
	if len(rfe) != 1 {
		t.Fatalf("rfe-response: %d deadlines", len(rfe))
	}
	want := Deadline{ID: "rfe-response/" + n.ID, Rule: "rfe-response", Kind: Due, PersonID: p.ID,
		CaseID: k.ID, NoticeID: n.ID, Date: day("2026-05-28"), Computed: true, LeadDays: []int{87, 30, 14, 7, 3},
		Source: "http://edocket.access.gpo.gov/2007/E7-7228.htm", Reliability: "official"}
	got := rfe[0]
	got.Title, got.Action = Text{}, Text{}
	if !equalDeadline(got, want) {
		t.Errorf("rfe-response:\n got %+v\nwant %+v", got, want)
	}
	if !strings.Contains(rfe[0].Action.EN, "May 28, 2026") || !strings.Contains(rfe[0].Action.ES, "28 de mayo de 2026") {
		t.Errorf("the action does not give the date: %q / %q", rfe[0].Action.EN, rfe[0].Action.ES)
	}

	ext := ofRule(ds, "ead-expires-no-extension")
	if len(ext) != 1 || ext[0].IdentifierID != ead.ID || ext[0].CaseID != renewal.ID ||
		ext[0].ID != "ead-expires-no-extension/"+ead.ID+"/"+renewal.ID {
		t.Errorf("ead-expires-no-extension: got %+v", ext)
	}
	if d := ds[0].Date; d.Location() != time.UTC || d.Hour() != 0 {
		t.Errorf("dates must be days at 00:00 UTC, got %v", d)
	}
}

func equalDeadline(a, b Deadline) bool {
	return a.ID == b.ID && a.Rule == b.Rule && a.Kind == b.Kind && a.PersonID == b.PersonID &&
		a.CaseID == b.CaseID && a.NoticeID == b.NoticeID && a.IdentifierID == b.IdentifierID &&
		a.Date.Equal(b.Date) && a.Time == b.Time && a.Computed == b.Computed &&
		slices.Equal(a.LeadDays, b.LeadDays) && a.Title == b.Title && a.Action == b.Action &&
		a.Source == b.Source && a.Reliability == b.Reliability
}
