package secret

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONRoundTrip(t *testing.T) {
	for _, v := range []string{"", "A012345678", `quote " back \ slash`, "tab\tnl\n\x01", "ñ 日本 😀", "bad \xff utf8"} {
		var buf bytes.Buffer
		if err := New([]byte(v)).WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var std string
		if err := json.Unmarshal(buf.Bytes(), &std); err != nil {
			t.Fatalf("%q wrote invalid JSON %s: %v", v, buf.Bytes(), err)
		}
		s, err := FromJSON(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		s.Use(func(b []byte) error {
			if string(b) != std {
				t.Errorf("%q: FromJSON gave %q, encoding/json %q", v, b, std)
			}
			return nil
		})
	}
	for _, bad := range []string{``, `"`, `x`, `"\`, `"\q"`, `"\u12"`, `"\u12zz"`} {
		if _, err := FromJSON([]byte(bad)); err == nil {
			t.Errorf("FromJSON(%s) accepted", bad)
		}
	}
}

func FuzzFromJSON(f *testing.F) {
	f.Add([]byte(`"A0\u00e9\ud83d\ude00\n"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := FromJSON(b)
		var std string
		stdErr := json.Unmarshal(b, &std)
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := s.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var again string
		if err := json.Unmarshal(buf.Bytes(), &again); err != nil {
			t.Fatalf("WriteJSON wrote invalid JSON: %s", buf.Bytes())
		}
		if stdErr == nil && again != std {
			t.Fatalf("round trip of %s gave %q, want %q", b, again, std)
		}
	})
}
