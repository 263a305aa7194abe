package vault

import "slices"

// needsV3 says whether ix holds anything that releases reading only
// immivault-index/v1 and v2 would drop at their next save: such an index is
// written as v3, which they refuse to open rather than lose it.
//
// Every member added to the index or to its records after v2 (trips, the
// dates and facts the deadlines ask for) is checked here: when it is set,
// the index needs v3.
func (ix *Index) needsV3() bool {
	return len(ix.Trips) > 0 || slices.ContainsFunc(ix.People, (*Person).hasNaturalizationDates) ||
		ix.hasDeadlineFacts() || len(ix.Handled) > 0
}
