package totp

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// rfcBase32 is RFC 6238's SHA1 seed in base32.
const rfcBase32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

func TestParseBareSecret(t *testing.T) {
	for _, in := range []string{
		rfcBase32,
		strings.ToLower(rfcBase32),
		"gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
		"GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ",
		"  " + rfcBase32 + "\n",
		"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", // 32 characters: no padding needed
	} {
		k, err := Parse([]byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if k.Algorithm != SHA1 || k.Digits != 6 || k.Period != 30 {
			t.Errorf("%q: defaults %s/%d/%d", in, k.Algorithm, k.Digits, k.Period)
		}
		k.Digits = 8
		if code, _ := k.Code(time.Unix(59, 0)); code != "94287082" {
			t.Errorf("%q: code %s, want 94287082", in, code)
		}
	}
	// 10 bytes, 16 characters; and 11 bytes, which base32 pads.
	for _, in := range []string{"JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXPGE======", "jbswy3dpehpk3pxpge"} {
		if _, err := Parse([]byte(in)); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestParseURI(t *testing.T) {
	in := "otpauth://totp/USCIS:maria%40example.com?secret=" + strings.ToLower(rfcBase32) +
		"&issuer=USCIS&algorithm=sha256&digits=8&period=60&image=https%3A%2F%2Fexample.com%2Fx.png"
	k, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if k.Label != "USCIS:maria@example.com" || k.Issuer != "USCIS" || k.Algorithm != SHA256 || k.Digits != 8 || k.Period != 60 {
		t.Errorf("got %+v", *k)
	}
	var uri string
	k.WithURI(func(b []byte) error { uri = string(b); return nil })
	want := "otpauth://totp/USCIS:maria@example.com?secret=" + rfcBase32 + "&issuer=USCIS&algorithm=SHA256&digits=8&period=60"
	if uri != want {
		t.Errorf("re-encoded as\n%s\nwant\n%s", uri, want)
	}
	// Defaults, upper-case scheme, padding escaped.
	k, err = Parse([]byte("OTPAUTH://TOTP/x?secret=JBSWY3DPEHPK3PXPGE%3D%3D%3D%3D%3D%3D"))
	if err != nil {
		t.Fatal(err)
	}
	if k.Algorithm != SHA1 || k.Digits != 6 || k.Period != 30 || k.Label != "x" {
		t.Errorf("got %+v", *k)
	}
}

func TestParseRefuses(t *testing.T) {
	const s = "secret=" + rfcBase32
	for in, want := range map[string]string{
		"":                                         "no 2-step secret",
		"otpauth://hotp/x?" + s + "&counter=1":     "counter-based (HOTP)",
		"otpauth://foo/x?" + s:                     "unknown otpauth type",
		"otpauth://totp/x?issuer=a":                "has no secret=",
		"otpauth://totp/x?" + s + "&digits=5":      "6, 7 or 8 digits",
		"otpauth://totp/x?" + s + "&digits=9":      "6, 7 or 8 digits",
		"otpauth://totp/x?" + s + "&digits=six":    "6, 7 or 8 digits",
		"otpauth://totp/x?" + s + "&period=45":     "30 or 60 seconds",
		"otpauth://totp/x?" + s + "&algorithm=MD5": "unknown 2-step algorithm",
		"otpauth://totp/x?" + s + "&" + s:          "twice",
		"otpauth://totp/x?secret=GEZD1NBV":         "not base32",
		"otpauth://totp/x?secret=%zz":              "%-escaped",
		"otpauth://totp/a%0Ab?" + s:                "control characters",
		"otpauth://totp/%zz?" + s:                  "%-escaped",
		"https://example.com/?" + s:                "not an otpauth",
		"GEZDGNBV":                                 "16 to 205",
		"GEZDGNBVG":                                "length does not work out",
		"GEZDGNBVGY3TQOJQGEZDGNB=VGY3TQOJQ":        "padding in the wrong place",
		"JBSWY3DPEHPK3PXPGF":                       "last character",
		"correct horse battery staple":             "not base32",
	} {
		_, err := Parse([]byte(in))
		if err == nil {
			t.Errorf("%q: parsed", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want it to say %q", in, err, want)
		}
		if strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), rfcBase32[:8]) {
			t.Errorf("%q: error %q is not one line without the secret", in, err)
		}
	}
}

func TestURISecretRoundTrip(t *testing.T) {
	k, err := Parse([]byte("otpauth://totp/Portal%20%26%20Co%3Fx?secret=" + rfcBase32 + "&issuer=A%26B+C&digits=7"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := k.URISecret()
	if err != nil {
		t.Fatal(err)
	}
	k2, err := ParseSecret(s)
	if err != nil {
		t.Fatal(err)
	}
	if k2.Label != "Portal & Co?x" || k2.Issuer != "A&B C" || k2.Digits != 7 || !k2.Secret.Equal(k.Secret) {
		t.Errorf("round trip gave %+v", *k2)
	}
}

// FuzzParse: Parse never panics, and what it accepts re-encodes to a URI
// that parses to the same key and encodes the same again.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		rfcBase32, "jbsw y3dp ehpk 3pxp",
		"otpauth://totp/USCIS:maria%40example.com?secret=" + rfcBase32 + "&issuer=USCIS&algorithm=SHA512&digits=8&period=60",
		"otpauth://hotp/x?secret=" + rfcBase32 + "&counter=3",
		"otpauth://totp/?secret=JBSWY3DPEHPK3PXPGE%3D%3D%3D%3D%3D%3D&issuer=",
		"otpauth://totp/a%2Fb?secret=" + rfcBase32 + "#frag",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		k, err := Parse(in)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			return
		}
		var first []byte
		if err := k.WithURI(func(uri []byte) error { first = bytes.Clone(uri); return nil }); err != nil {
			t.Fatalf("parsed but does not encode: %v", err)
		}
		k2, err := Parse(first)
		if err != nil {
			t.Fatalf("%q re-encoded as %q, which does not parse: %v", in, first, err)
		}
		if !k2.Secret.Equal(k.Secret) || k2.Algorithm != k.Algorithm || k2.Digits != k.Digits ||
			k2.Period != k.Period || k2.Label != k.Label || k2.Issuer != k.Issuer {
			t.Fatalf("%q re-encoded as %q, which parses differently", in, first)
		}
		var second []byte
		k2.WithURI(func(uri []byte) error { second = bytes.Clone(uri); return nil })
		if !bytes.Equal(first, second) {
			t.Fatalf("encodings differ: %q, %q", first, second)
		}
	})
}
