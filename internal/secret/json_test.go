package secret

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// secretJSON is s written alone, as a JSON document.
func secretJSON(t testing.TB, s *Secret) []byte {
	t.Helper()
	var buf bytes.Buffer
	j := NewJSONWriter(&buf, "")
	j.Secret("", s)
	if err := j.Err(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONRoundTrip(t *testing.T) {
	for _, v := range []string{"", "A012345678", `quote " back \ slash`, "tab\tnl\n\x01", "ñ 日本 😀", "bad \xff utf8", "<a&b>"} {
		b := secretJSON(t, New([]byte(v)))
		var std string
		if err := json.Unmarshal(b, &std); err != nil {
			t.Fatalf("%q wrote invalid JSON %s: %v", v, b, err)
		}
		var f JSONField
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatal(err)
		}
		f.Secret.Use(func(b []byte) error {
			if string(b) != std {
				t.Errorf("%q: JSONField read %q, encoding/json %q", v, b, std)
			}
			return nil
		})
	}
	for _, bad := range []string{``, `"`, `x`, `"\`, `"\q"`, `"\u12"`, `"\u12zz"`} {
		if _, err := fromJSON([]byte(bad)); err == nil {
			t.Errorf("fromJSON(%s) accepted", bad)
		}
	}
}

// record is a record with a secret, written as the index and the CLI
// write theirs.
type record struct {
	ID     string  `json:"id"`
	Fields []int   `json:"fields"`
	Value  *Secret `json:"-"`
	Note   string  `json:"note,omitempty"`
}

// writeDoc writes {"name":…,"records":[…],"empty":[],"end":{…}} with each
// record's members, then its value.
func writeDoc(j *JSONWriter, records []record) {
	j.Object("")
	j.Value("name", "a <b> & c")
	j.Break()
	j.Array("records")
	for _, r := range records {
		j.Break()
		j.Object("")
		j.Members(r)
		j.Secret("value", r.Value)
		j.End()
	}
	j.End()
	j.Break()
	j.Array("empty")
	j.End()
	j.Break()
	j.Value("end", map[string][]string{"k": {"x", "y"}})
	j.End()
}

// TestJSONWriterLayouts: compact, one record a line, and indented, the
// last byte for byte as encoding/json indents the same document.
func TestJSONWriterLayouts(t *testing.T) {
	records := []record{
		{ID: "one", Fields: []int{1, 2}, Value: New([]byte(`A0"12`))},
		{ID: "two", Value: New(nil), Note: "n"},
	}
	type plain struct {
		ID     string `json:"id"`
		Fields []int  `json:"fields"`
		Note   string `json:"note,omitempty"`
		Value  string `json:"value"`
	}
	want := struct {
		Name    string              `json:"name"`
		Records []plain             `json:"records"`
		Empty   []int               `json:"empty"`
		End     map[string][]string `json:"end"`
	}{"a <b> & c", []plain{{"one", []int{1, 2}, "", `A0"12`}, {"two", nil, "n", ""}}, []int{}, map[string][]string{"k": {"x", "y"}}}

	for _, indent := range []string{"", "  ", "\t"} {
		var got, std bytes.Buffer
		j := NewJSONWriter(&got, indent)
		writeDoc(j, records)
		if err := j.Err(); err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(&std)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", indent)
		if err := enc.Encode(want); err != nil {
			t.Fatal(err)
		}
		wantBytes := bytes.TrimSuffix(std.Bytes(), []byte("\n"))
		if indent == "" {
			// Compact, with a line before each member and record Break asks for.
			wantBytes = []byte(`{"name":"a <b> & c",` + "\n" + `"records":[` + "\n" +
				`{"id":"one","fields":[1,2],"value":"A0\"12"},` + "\n" +
				`{"id":"two","fields":null,"note":"n","value":""}],` + "\n" +
				`"empty":[],` + "\n" + `"end":{"k":["x","y"]}}`)
		}
		if !bytes.Equal(got.Bytes(), wantBytes) {
			t.Errorf("indent %q:\n%s\nwant\n%s", indent, got.Bytes(), wantBytes)
		}
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestJSONWriterErrorsStick(t *testing.T) {
	j := NewJSONWriter(&failingWriter{n: 5}, "")
	writeDoc(j, []record{{ID: "one", Value: New([]byte("A012345678"))}})
	if err := j.Err(); err == nil || err.Error() != "disk full" {
		t.Errorf("a failing writer: %v", err)
	}
	for _, misuse := range []func(*JSONWriter){
		func(j *JSONWriter) { j.End() },
		func(j *JSONWriter) { j.Members(record{}) },
		func(j *JSONWriter) { j.Array(""); j.Members(record{}) },
		func(j *JSONWriter) { j.Object(""); j.Members([]int{1}) },
		func(j *JSONWriter) { j.Value("", func() {}) },
	} {
		var buf bytes.Buffer
		j := NewJSONWriter(&buf, "")
		misuse(j)
		if j.Err() == nil {
			t.Errorf("no error after writing %q", buf.String())
		}
	}
}

// TestJSONWriterSecretStaysOut: a secret is written from inside Use: no
// copy of it is left in the writer's buffer.
func TestJSONWriterSecretStaysOut(t *testing.T) {
	var buf bytes.Buffer
	j := NewJSONWriter(&buf, "  ")
	writeDoc(j, []record{{ID: "one", Value: New([]byte("A098765432"))}})
	if !strings.Contains(buf.String(), `"value": "A098765432"`) {
		t.Fatalf("the value is not in the output: %s", buf.String())
	}
	if bytes.Contains(j.buf.Bytes()[:j.buf.Cap()], []byte("098765432")) {
		t.Error("the value is in the writer's buffer")
	}
}

func FuzzFromJSON(f *testing.F) {
	f.Add([]byte(`"A0\u00e9\ud83d\ude00\n"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := fromJSON(b)
		var std string
		stdErr := json.Unmarshal(b, &std)
		if err != nil {
			return
		}
		out := secretJSON(t, s)
		var again string
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("the JSONWriter wrote invalid JSON: %s", out)
		}
		if stdErr == nil && again != std {
			t.Fatalf("round trip of %s gave %q, want %q", b, again, std)
		}
	})
}
