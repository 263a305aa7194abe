package deadline_test

import (
	"fmt"
	"time"

	"immivault/internal/deadline"
	"immivault/internal/vault"
)

func ExampleCompute() {
	ix := &vault.Index{}
	ana, _ := ix.AddPerson("Ana", "1990-05-01", "self")
	_ = ix.SetResidence(ana.ID, vault.Residence{Since: "2022-01-10"})
	aos, _ := ix.SetCase(ana.ID, "IOE0912345678", vault.CaseChange{Form: "I-485", Received: "2025-06-01"})
	_, _ = ix.AddEvent(vault.Event{PersonID: ana.ID, CaseID: aos.ID, Kind: "biometrics", Date: "2026-12-03", Time: "09:30"})

	today := time.Date(2026, 11, 29, 10, 0, 0, 0, time.Local)
	for _, d := range deadline.Compute(ix, today) {
		label := "printed"
		if d.Computed {
			label = "computed, check your notice"
		}
		fmt.Printf("%s %s (%s)\n  %s\n", d.Date.Format(time.DateOnly), d.Title.EN, label, d.Action.EN)
	}
	// Output:
	// 2026-10-12 Ana: can apply for citizenship (N-400) (computed, check your notice)
	//   Ana became a permanent resident on January 10, 2022. Form N-400 can be filed from October 12, 2026: at the earliest 90 days before the 5-year anniversary, later after long trips abroad (those recorded here are counted), if the other requirements (time spent in the US, good moral character, English and civics) are met. USCIS denies applications filed earlier.
	// 2026-12-03 Ana: biometrics appointment (I-485) (printed)
	//   Go to the Application Support Center printed on the notice on December 3, 2026 at 09:30, for fingerprints and a photo. Bring the printed appointment notice and a photo ID such as a passport or green card. If you cannot go, reschedule in your USCIS online account before the appointment.
}
