package vault

import (
	"errors"
	"maps"
	"time"
)

// A deadline that has passed stays in Upcoming, at the top and in red,
// until the person says it was dealt with: a missed response date must not
// quietly scroll away. Handled keeps those marks, by the deadline's ID
// (deadline.Deadline.ID: its rule and the records it comes from, stable
// across runs), with when it was marked.

// maxHandled bounds the marks an index keeps: far more dates than a family
// meets in a lifetime, few enough that a hostile bundle or file cannot
// bloat the index.
const maxHandled = 10000

// MarkHandled records that the deadline with this ID was dealt with.
func (ix *Index) MarkHandled(deadlineID string) error {
	if deadlineID == "" || len(deadlineID) > 200 {
		return errors.New("not a deadline")
	}
	if _, ok := ix.Handled[deadlineID]; !ok && len(ix.Handled) >= maxHandled {
		return errors.New("too many deadlines marked handled")
	}
	if ix.Handled == nil {
		ix.Handled = map[string]time.Time{}
	}
	ix.Handled[deadlineID] = now().UTC().Truncate(time.Millisecond)
	return nil
}

// UnmarkHandled takes the mark back: the deadline shows again.
func (ix *Index) UnmarkHandled(deadlineID string) {
	delete(ix.Handled, deadlineID)
	if len(ix.Handled) == 0 {
		ix.Handled = nil
	}
}

// IsHandled says whether the deadline was marked dealt with.
func (ix *Index) IsHandled(deadlineID string) bool {
	_, ok := ix.Handled[deadlineID]
	return ok
}

// mergeHandled takes the other computer's marks too (syncconflicts.go): a
// date dealt with on either is dealt with.
func (ix *Index) mergeHandled(other map[string]time.Time) {
	if len(other) == 0 {
		return
	}
	if ix.Handled == nil {
		ix.Handled = map[string]time.Time{}
	}
	for id, t := range other {
		if _, ok := ix.Handled[id]; !ok && len(ix.Handled) < maxHandled {
			ix.Handled[id] = t
		}
	}
}

func cloneHandled(m map[string]time.Time) map[string]time.Time {
	if m == nil {
		return nil
	}
	return maps.Clone(m)
}
