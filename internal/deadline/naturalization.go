package deadline

import (
	"immivault/internal/naturalization"
)

// The N-400 rules do not count from one date: internal/naturalization
// works the earliest filing date out of the Resident Since date, the
// marriage, the move to the state and every trip abroad, and picks the
// 5-year or the 3-year rule. Their basis names the rule; a person gets
// the deadline of the one that applies, dated the earliest filing day,
// with Resident Since as the date the texts count from. It is worked out
// again on every Compute, so it follows the trips as they change.

// naturalizationBases are the bases of the N-400 rules and the rule each
// stands for.
var naturalizationBases = map[string]naturalization.Rule{
	"naturalization-5-year": naturalization.FiveYear,
	"naturalization-3-year": naturalization.ThreeYearMarriage,
}

// naturalizationAnchors gives each person whose earliest filing date
// falls under the rule's basis an anchor carrying that date.
func (c *computation) naturalizationAnchors(r *Rule) []anchor {
	var as []anchor
	for _, p := range c.ix.People {
		since, ok := parseDay(p.Since)
		if !ok {
			continue
		}
		res := naturalization.Compute(naturalization.OfPerson(c.ix, p), c.today)
		if res.Rule != naturalizationBases[r.Basis] || res.EarliestFiling.IsZero() {
			continue
		}
		as = append(as, anchor{person: p, day: since, date: res.EarliestFiling, records: []string{p.ID}})
	}
	return as
}
