package deadline

import (
	"os"
	"strings"
	"testing"
)

const goodRule = `{"id": "passport-expires", "kind": "expires", "basis": "document", "documents": ["passport"],
  "lead_days": [30], "source_url": "https://example.org/rule", "reliability": "unverified",
  "title": {"en": "{{.Person}}: passport", "es": "{{.Person}}: pasaporte"},
  "action": {"en": "Renew by {{.Date}}.", "es": "Renueve antes del {{.Date}}."}}`

func rulesFile(rules ...string) string {
	return `{"version": 1, "updated": "2026-11-29", "rules": [` + strings.Join(rules, ",") + `]}`
}

func TestParseTableAcceptsAGoodTable(t *testing.T) {
	t.Parallel()
	tb, err := parseTable([]byte(rulesFile(goodRule)))
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rules) != 1 || tb.Rules[0].ID != "passport-expires" {
		t.Errorf("parsed %+v", tb.Rules)
	}
}

func TestParseTableRefusesMalformedTables(t *testing.T) {
	t.Parallel()
	edit := func(old, new string) string { return rulesFile(strings.Replace(goodRule, old, new, 1)) }
	cases := []struct {
		name, data, want string
	}{
		{"not JSON", `{"version": 1,`, "not valid"},
		{"two values", rulesFile(goodRule) + "{}", "more than one"},
		{"unknown field", edit(`"kind"`, `"knd": 1, "kind"`), "unknown field"},
		{"no version", strings.Replace(rulesFile(goodRule), `"version": 1`, `"version": 0`, 1), `"version"`},
		{"no updated date", strings.Replace(rulesFile(goodRule), `"2026-11-29"`, `"soon"`, 1), `"updated"`},
		{"no rules", rulesFile(), "no rules"},
		{"duplicate id", rulesFile(goodRule, goodRule), "twice"},
		{"no id", edit(`"id": "passport-expires"`, `"id": ""`), `"id"`},
		{"unknown kind", edit(`"kind": "expires"`, `"kind": "soon"`), "unknown kind"},
		{"unknown basis", edit(`"basis": "document"`, `"basis": "horoscope"`), "unknown basis"},
		{"unknown document", edit(`["passport"]`, `["library-card"]`), "unknown document"},
		{"field of another basis", edit(`"documents"`, `"event_kinds": ["interview"], "documents"`), "basis"},
		{"lead days not largest first", edit(`[30]`, `[7, 30]`), "largest first"},
		{"negative mail days", edit(`"lead_days"`, `"mail_days": -3, "lead_days"`), "mail_days"},
		{"no source", edit(`"https://example.org/rule"`, `""`), "source_url"},
		{"unknown reliability", edit(`"unverified"`, `"likely"`), "reliability"},
		{"official without verified_on", edit(`"unverified"`, `"official"`), "verified_on"},
		{"bad effective date", edit(`"lead_days"`, `"effective_from": "2025-10-32", "lead_days"`), "effective"},
		{"effective range backwards", edit(`"lead_days"`, `"effective_from": "2025-10-30", "effective_to": "2025-01-01", "lead_days"`), "before"},
		{"judged on a filing it does not look for", edit(`"lead_days"`, `"judged_on": "filed", "lead_days"`), "filing"},
		{"unknown placeholder", edit(`{{.Date}}.", "es"`, `{{.Deadline}}.", "es"`), "action.en"},
		{"broken placeholder", edit(`{{.Person}}: pasaporte`, `{{.Person: pasaporte`), "title.es"},
		{"empty Spanish", edit(`"Renueve antes del {{.Date}}."`, `" "`), "action.es is empty"},
		{"text that renders empty", edit(`"{{.Person}}: passport"`, `"{{if .Form}}{{.Form}}{{end}}"`), "title.en renders"},
		{"form misspelt", edit(`"documents"`, `"forms": ["I485"], "documents"`), "form \"I485\""},
		{"unknown anchor", edit(`"documents"`, `"anchor": "printed", "documents"`), "unknown anchor"},
		{"anchor of another basis", strings.Replace(edit(`"documents": ["passport"]`, `"anchor": "issued"`), `"basis": "document"`, `"basis": "born"`, 1), "basis"},
		{"class misspelt", edit(`"documents"`, `"classes": ["h-1b"], "documents"`), "class \"h-1b\""},
		{"I-94 class misspelt", edit(`"documents"`, `"person": {"i94_classes": ["F-1"]}, "documents"`), "class \"F-1\""},
		{"too large", rulesFile(goodRule) + strings.Repeat(" ", maxTableSize), "larger"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := parseTable([]byte(tc.data))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func TestEmbeddedTableIsTheFileInTheRepository(t *testing.T) {
	t.Parallel()
	tb, err := parseTable(rulesJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rules) != len(Rules()) {
		t.Errorf("the embedded table has %d rules, Rules() %d", len(tb.Rules), len(Rules()))
	}
}

func TestDocsListEveryRule(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../../docs/deadlines.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		if !strings.Contains(string(doc), "| `"+r.ID+"` |") {
			t.Errorf("docs/deadlines.md does not list rule %s", r.ID)
		}
	}
}
