package backup

import (
	"os"
	"time"
)

// Retention: the newest backups are kept as they are, older ones thinned to
// one a day, then one a month, and those older still removed. A family
// that notices a mistake weeks later still has the day before it; one that
// needs a record from last year has that month.
const (
	keepRecent = 10
	keepDaily  = 31 // days
	keepMonths = 24
)

// Keep says which of backups (newest first) the retention keeps at now:
// the newest keepRecent, then the newest of each day of the last month, the
// newest of each month of the last two years. A backup dated in the future
// (a clock that was wrong) is kept: it is nobody's to judge.
func Keep(backups []Backup, now time.Time) []bool {
	keep := make([]bool, len(backups))
	days, months := map[string]bool{}, map[string]bool{}
	for i, b := range backups {
		age := now.Sub(b.Made)
		day, month := b.Made.UTC().Format("2006-01-02"), b.Made.UTC().Format("2006-01")
		switch {
		case i < keepRecent || age < 0:
			keep[i] = true
		case age < keepDaily*24*time.Hour && !days[day]:
			keep[i] = true
		case b.Made.After(now.AddDate(0, -keepMonths, 0)) && !months[month]:
			keep[i] = true
		}
		// Each backup stands for its day and month, kept or not: a day
		// whose newest backup is among the recent ones needs no other.
		days[day], months[month] = true, true
	}
	return keep
}

// Prune removes the backups in dir that Keep does not keep, and says how
// many it removed.
func Prune(dir string, now time.Time) (int, error) {
	all, err := List(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	for i, keep := range Keep(all, now) {
		if !keep && os.Remove(all[i].Path) == nil {
			removed++
		}
	}
	return removed, nil
}
