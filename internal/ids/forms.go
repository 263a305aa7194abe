package ids

import (
	"fmt"
	"regexp"
	"strings"
)

// Form titles as USCIS prints them on current editions. Notices key on the
// unhyphenated case type code ("I485"), since old notices keep old titles.
var formTitles = map[string]string{
	"I-90":   "Application to Replace Permanent Resident Card",
	"I-129":  "Petition for a Nonimmigrant Worker",
	"I-129F": "Petition for Alien Fiancé(e)",
	"I-130":  "Petition for Alien Relative",
	"I-131":  "Application for Travel Documents, Parole Documents, and Arrival/Departure Records",
	"I-140":  "Immigrant Petition for Alien Workers",
	"I-290B": "Notice of Appeal or Motion",
	"I-360":  "Petition for Amerasian, Widow(er), or Special Immigrant",
	"I-485":  "Application to Register Permanent Residence or Adjust Status",
	"I-526":  "Immigrant Petition by Standalone Investor",
	"I-526E": "Immigrant Petition by Regional Center Investor",
	"I-539":  "Application to Extend/Change Nonimmigrant Status",
	"I-589":  "Application for Asylum and for Withholding of Removal",
	"I-601":  "Application for Waiver of Grounds of Inadmissibility",
	"I-601A": "Application for Provisional Unlawful Presence Waiver",
	"I-751":  "Petition to Remove Conditions on Residence",
	"I-765":  "Application for Employment Authorization",
	"I-821":  "Application for Temporary Protected Status",
	"I-821D": "Consideration of Deferred Action for Childhood Arrivals",
	"I-829":  "Petition by Investor to Remove Conditions on Permanent Resident Status",
	"I-864":  "Affidavit of Support Under Section 213A of the INA",
	"N-336":  "Request for a Hearing on a Decision in Naturalization Proceedings",
	"N-400":  "Application for Naturalization",
	"N-600":  "Application for Certificate of Citizenship",
	"G-28":   "Notice of Entry of Appearance as Attorney or Accredited Representative",
}

var formRe = regexp.MustCompile(`^([IGN])-?([0-9]{1,3}[A-Z]?)$`)

// NormalizeForm reads a form number as people write it ("i485", "I-485",
// "n 400") and returns it as USCIS prints it ("I-485") with its title, or
// "" for a well-formed number this catalog does not know.
func NormalizeForm(s string) (form, title string, err error) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	m := formRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", fmt.Errorf("form numbers look like I-485, I-130 or N-400")
	}
	form = m[1] + "-" + m[2]
	return form, formTitles[form], nil
}
