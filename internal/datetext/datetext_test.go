package datetext

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1988-03-15", "1988-03-15"},
		{"03/15/1988", "1988-03-15"},
		{"3/15/1988", "1988-03-15"},
		{" 03-15-1988 ", "1988-03-15"},
		{"03.15.1988", "1988-03-15"},
		{"March 15, 1988", "1988-03-15"},
		{"march 15 1988", "1988-03-15"},
		{"Mar. 15, 1988", "1988-03-15"},
		{"MAR 15 1988", "1988-03-15"},
		{"March 15th, 1988", "1988-03-15"},
		{"15 Mar 1988", "1988-03-15"},
		{"15 March 1988", "1988-03-15"},
		{"15-Mar-1988", "1988-03-15"},
		{"15 de marzo de 1988", "1988-03-15"},
		{"marzo 15, 1988", "1988-03-15"},
		{"Tuesday, March 15, 1988", "1988-03-15"},
		{"martes, 15 de marzo de 1988", "1988-03-15"},
		{"Sept 1, 2025", "2025-09-01"},
		{"1 septiembre 2025", "2025-09-01"},
		{"29 febrero 2024", "2024-02-29"},
		{"02/29/2024", "2024-02-29"},
		{"12/31/1999", "1999-12-31"},
		{"", ""},
		{"   ", ""},
	} {
		got, err := Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{
		"03/15/88",        // two-digit year
		"15/03/1988",      // month 15: day first is not read
		"02/30/2024",      // no such day
		"02/29/2023",      // not a leap year
		"13/01/2020",      // month 13
		"March 32, 1988",  // no such day
		"Smarch 15, 1988", // no such month
		"1988",            // a year alone
		"March 1988",      // a month alone
		"15 March",        // no year
		"0/0/0000",        // zeros
		"1988-3",          // part of a date
		strings.Repeat("1", 100),
		"15 March 1988 10:30", // a time too
	} {
		if got, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", in, got)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("Parse(%q): %q is more than one line", in, err)
		}
	}
}

// TestParseSaysDayFirst: a day-first date gets the month-first way of
// writing it.
func TestParseSaysDayFirst(t *testing.T) {
	_, err := Parse("31/12/2015")
	if err == nil || err.Error() != "dates with numbers are read month first, as US forms write them: write 12/31/2015 for day 31 of December" {
		t.Fatalf("Parse(31/12/2015): %v", err)
	}
}

func TestSay(t *testing.T) {
	for _, c := range []struct{ iso, lang, want string }{
		{"1988-03-15", "en", "March 15, 1988"},
		{"1988-03-15", "es", "15 de marzo de 1988"},
		{"2025-09-01", "es", "1 de septiembre de 2025"},
		{"D/S", "en", "D/S"},
	} {
		if got := Say(c.iso, c.lang); got != c.want {
			t.Errorf("Say(%q, %q) = %q, want %q", c.iso, c.lang, got, c.want)
		}
	}
}

// FuzzParse: whatever is typed, Parse gives a valid date it can say back,
// or an error; never a panic.
func TestShort(t *testing.T) {
	for _, c := range []struct{ iso, lang, want string }{
		{"1988-03-15", "en", "Mar 15, 1988"},
		{"1988-03-15", "es", "15 mar 1988"},
		{"2025-09-01", "en", "Sep 1, 2025"},
		{"2025-09-01", "es", "1 sep 2025"},
		{"2024-12-31", "es", "31 dic 2024"},
		{"D/S", "en", "D/S"},
		{"", "es", ""},
		{"1988-02-30", "en", "1988-02-30"},
	} {
		if got := Short(c.iso, c.lang); got != c.want {
			t.Errorf("Short(%q, %q) = %q, want %q", c.iso, c.lang, got, c.want)
		}
	}
}

// TestShortReadsBack: every day of a year, shown either way, reads back
// as itself, so a date put in a field by the picker or shown in a list
// can be typed or pasted back.
func TestShortReadsBack(t *testing.T) {
	for d := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
		iso := d.Format(time.DateOnly)
		for _, lang := range []string{"en", "es"} {
			if got, err := Parse(Short(iso, lang)); got != iso || err != nil {
				t.Errorf("Parse(Short(%s, %s) = %q) = %q, %v", iso, lang, Short(iso, lang), got, err)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"03/15/1988", "15 de marzo de 1988", "March 15th, 1988", "1988-03-15", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		if err != nil || got == "" {
			return
		}
		if again, err := Parse(got); err != nil || again != got {
			t.Fatalf("Parse(%q) = %q, which does not read back (%q, %v)", s, got, again, err)
		}
		if Say(got, "en") == got {
			t.Fatalf("Say(%q) says nothing", got)
		}
	})
}
