// Package naturalization works out the earliest day a permanent resident
// may file Form N-400, Application for Naturalization, from the facts the
// vault keeps — the Resident Since date, the marriage to a US citizen,
// the move to the state, the trips abroad — and explains it in plain
// words, in English and Spanish. It is pure: no files, no clock (today is
// an argument), no vault.
//
// # The rules
//
//   - 5 years as a permanent resident (INA 316(a)), or 3 years for a
//     person married to and living with a US citizen for those 3 years,
//     the spouse a citizen all that time (INA 319(a), USCIS Policy Manual
//     Vol. 12 Part G ch. 3). With both, the earlier date wins.
//   - Early filing: up to 90 days before the continuous residence is
//     complete (INA 334(a), 8 CFR 334.2(b)). Only the years as a resident
//     are shortened: the 3 years of marriage and of the spouse's
//     citizenship must be complete on the day of filing.
//   - Continuous residence (8 CFR 316.5(c)(1)): an absence of a year or
//     more breaks it, and the N-400 may be filed 4 years and 1 day after
//     the return (2 years and 1 day under the 3-year rule); an absence of
//     more than 6 months is presumed to break it, and the date holds only
//     if that presumption is rebutted.
//   - Physical presence (INA 316(a), 319(a); Policy Manual Vol. 12 Part D
//     ch. 4): at least 913 days (548 under the 3-year rule) in the United
//     States in the 5 (3) years before filing. The days of departure and
//     return count as days in the United States. Only days as a permanent
//     resident are counted. When they fall short, the date moves later
//     until they do not.
//   - 3 months living in the state or USCIS district before filing
//     (8 CFR 316.2(a)(5)).
//
// # Never early
//
// Every choice the rules leave open is made so that the date is never
// earlier than USCIS would accept: a year added to February 29 reaches
// March 1, a trip is "a year or more" from the first anniversary of its
// departure (February 28 for one that began on February 29), and a trip
// still going on is taken to end today. docs/naturalization.md has the
// worked examples.
package naturalization
