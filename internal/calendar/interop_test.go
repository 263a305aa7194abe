package calendar

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"immivault/internal/deadline"
)

// debianPython is Debian's own interpreter, which python3-icalendar is
// installed for; the python3 first on PATH may be another one.
const debianPython = "/usr/bin/python3"

// icalendarPython returns debianPython if it can import icalendar. CI must
// have it (`make test-deps` installs python3-icalendar); elsewhere the test
// skips.
func icalendarPython(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Debian's python3 is a Linux program: the Windows run under Wine leaves this check to the Linux run")
	}
	out, err := exec.Command(debianPython, "-c", "import icalendar").CombinedOutput()
	if err == nil {
		return debianPython
	}
	msg := debianPython + " cannot import icalendar (" + strings.TrimSpace(firstLine(string(out), err)) +
		"); `make test-deps` installs Debian's python3-icalendar"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func firstLine(out string, err error) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "" {
		return last
	}
	return err.Error()
}

// TestPythonICalendarReadsIt has an independent parser, python3-icalendar,
// read a file with all-day and timed events, Spanish text, long lines,
// commas, semicolons and backslashes, and checks every event.
func TestPythonICalendarReadsIt(t *testing.T) {
	t.Parallel()
	python := icalendarPython(t)
	long := strings.Repeat("Envíe la respuesta completa; incluya copias, no originales. ", 6)
	ds := []deadline.Deadline{
		rfe,
		biometrics,
		{
			ID: "i751-window.p1", Kind: deadline.WindowOpens, PersonID: "p1", Date: day(2028, 2, 29), Computed: true,
			LeadDays: []int{14},
			Title:    deadline.Text{ES: "Se abre el plazo del I-751; año bisiesto, 29 de febrero"},
			Action:   deadline.Text{ES: long + `C:\carpeta\aviso.pdf`},
			Source:   "https://www.uscis.gov/i-751",
		},
		{
			ID: "interview.e9", Kind: deadline.Appointment, PersonID: "p2", Date: day(2027, 6, 1), Time: "08:00",
			LeadDays: []int{7, 1, 0},
			Title:    deadline.Text{EN: "Interview, Field Office; bring everything"},
		},
	}
	path := filepath.Join(t.TempDir(), "deadlines.ics")
	var b bytes.Buffer
	if err := Write(&b, ds, Options{Lang: "es", Now: now, PersonName: func(id string) string { return names[id] }}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(python, filepath.Join("testdata", "read_ics.py"), path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("read_ics.py: %v\n%s", err, stderr.String())
	}
	type alarm struct {
		Action      string  `json:"action"`
		TriggerDays float64 `json:"trigger_days"`
		Description string  `json:"description"`
	}
	type event struct {
		UID         string  `json:"uid"`
		Summary     string  `json:"summary"`
		Description string  `json:"description"`
		AllDay      bool    `json:"all_day"`
		Start       string  `json:"start"`
		End         string  `json:"end"`
		Alarms      []alarm `json:"alarms"`
	}
	var got struct {
		Version string   `json:"version"`
		ProdID  string   `json:"prodid"`
		Errors  []string `json:"errors"`
		Events  []event  `json:"events"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("read_ics.py wrote %q: %v", out, err)
	}
	if got.Version != "2.0" || got.ProdID != "-//immivault//immivault deadlines//ES" || len(got.Errors) != 0 {
		t.Errorf("calendar: version %q, prodid %q, errors %q", got.Version, got.ProdID, got.Errors)
	}
	rfeSummary := "Ana García: Solicitud de evidencia: vence la respuesta"
	i751Summary := "Ana García: Se abre el plazo del I-751; año bisiesto, 29 de febrero"
	want := []event{
		{
			UID: "rfe-response.n7@immivault", Summary: rfeSummary,
			Description: "Envíe su respuesta, con la RFE encima.\n\nfecha calculada — verifique su aviso\n\nFuente: https://www.uscis.gov/rfe",
			AllDay:      true, Start: "2027-02-28", End: "2027-03-01",
			Alarms: []alarm{{"DISPLAY", -30, rfeSummary}, {"DISPLAY", -7, rfeSummary}, {"DISPLAY", -1, rfeSummary}},
		},
		{
			UID: "appointment.e3@immivault", Summary: "Beto: Cita de biometría",
			Description: "Bring the appointment notice and a photo ID.",
			Start:       "2026-12-31T23:30:00", End: "2027-01-01T00:30:00",
			Alarms: []alarm{{"DISPLAY", -1, "Beto: Cita de biometría"}},
		},
		{
			UID: "i751-window.p1@immivault", Summary: i751Summary,
			Description: long + `C:\carpeta\aviso.pdf` + "\n\nfecha calculada — verifique su aviso\n\nFuente: https://www.uscis.gov/i-751",
			AllDay:      true, Start: "2028-02-29", End: "2028-03-01",
			Alarms: []alarm{{"DISPLAY", -14, i751Summary}},
		},
		{
			UID: "interview.e9@immivault", Summary: "Beto: Interview, Field Office; bring everything",
			Start: "2027-06-01T08:00:00", End: "2027-06-01T09:00:00",
			Alarms: []alarm{
				{"DISPLAY", -7, "Beto: Interview, Field Office; bring everything"},
				{"DISPLAY", -1, "Beto: Interview, Field Office; bring everything"},
				{"DISPLAY", 0, "Beto: Interview, Field Office; bring everything"},
			},
		},
	}
	if len(got.Events) != len(want) {
		t.Fatalf("python3-icalendar read %d events, want %d:\n%s", len(got.Events), len(want), out)
	}
	for i := range want {
		if !reflect.DeepEqual(got.Events[i], want[i]) {
			t.Errorf("event %d:\n got %+v\nwant %+v", i, got.Events[i], want[i])
		}
	}
}
