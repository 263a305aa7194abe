package contact

import (
	"bytes"
	"crypto/ed25519"
	"strings"
	"testing"

	"filippo.io/age"
)

func newCard(t testing.TB, name string, pq bool) Card {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	var rcpt string
	if pq {
		id, err := age.GenerateHybridIdentity()
		if err != nil {
			t.Fatal(err)
		}
		rcpt = id.Recipient().String()
	} else {
		id, err := age.GenerateX25519Identity()
		if err != nil {
			t.Fatal(err)
		}
		rcpt = id.Recipient().String()
	}
	return Card{Name: name, Recipient: rcpt, SigningKey: pub}
}

func TestRoundTrip(t *testing.T) {
	for _, pq := range []bool{true, false} {
		c := newCard(t, "Ana María Núñez", pq)
		got, err := Parse(c.Marshal())
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != c.Name || !got.SameKeys(c) || got.Classic() == pq {
			t.Errorf("round trip: %+v, want %+v", got, c)
		}
		if _, err := got.AgeRecipient(); err != nil {
			t.Error(err)
		}
	}
}

func TestFingerprint(t *testing.T) {
	c := newCard(t, "Ana", true)
	f := c.Fingerprint()
	if len(f) != 19 || strings.Count(f, "-") != 3 || strings.ContainsAny(f, "ILOU") {
		t.Errorf("fingerprint %q is not four groups of four readable characters", f)
	}
	renamed := c
	renamed.Name = "Mom"
	if renamed.Fingerprint() != f {
		t.Error("the name changed the fingerprint")
	}
	other := newCard(t, "Ana", true)
	other.Recipient = c.Recipient
	if other.Fingerprint() == f {
		t.Error("another signing key gave the same fingerprint")
	}
}

// TestParseForgives what mail and copy-paste do to a card.
func TestParseForgives(t *testing.T) {
	c := newCard(t, "Luis", true)
	text := string(c.Marshal())
	wrapped := strings.Replace(text, c.Recipient, c.Recipient[:900]+"\r\n"+c.Recipient[900:1800]+"\n  "+c.Recipient[1800:], 1)
	for name, s := range map[string]string{
		"crlf":            strings.ReplaceAll(text, "\n", "\r\n"),
		"indented":        "\n\n   " + strings.ReplaceAll(text, "\n", "\n   ") + "\n\n",
		"no fingerprint":  text[:strings.Index(text, "fingerprint:")],
		"lower case":      strings.Replace(text, c.Fingerprint(), strings.ToLower(c.Fingerprint()), 1),
		"wrapped by mail": wrapped,
	} {
		got, err := Parse([]byte(s))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !got.SameKeys(c) {
			t.Errorf("%s: keys changed", name)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	c := newCard(t, "Luis", true)
	text := string(c.Marshal())
	other := newCard(t, "Eve", true)
	for name, s := range map[string]string{
		"empty":              "",
		"no header":          strings.Replace(text, Header+"\n", "", 1),
		"other header":       strings.Replace(text, "v1", "v2", 1),
		"tampered key":       strings.Replace(text, "signing-key: ed25519:"+b64(c.SigningKey), "signing-key: ed25519:"+b64(other.SigningKey), 1),
		"tampered recipient": strings.Replace(text, c.Recipient, other.Recipient, 1),
		"bad recipient":      strings.Replace(text, c.Recipient, "age1pq1notarecipient", 1),
		"bad key":            strings.Replace(text, "ed25519:", "ed25519:AAAA", 1),
		"no name":            strings.Replace(text, "name: Luis", "name: ", 1),
		"control in name":    strings.Replace(text, "name: Luis", "name: Lu\x1bis", 1),
		"two names":          strings.Replace(text, "name: Luis\n", "name: Luis\nname: Eve\n", 1),
		"unknown line":       text + "trust: yes\n",
		"huge":               text + strings.Repeat("x", MaxCardSize),
		"binary":             "\xff\xfe" + text,
	} {
		if _, err := Parse([]byte(s)); err == nil {
			t.Errorf("%s: accepted", name)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: the error is not one line: %q", name, err)
		}
	}
}

func b64(k ed25519.PublicKey) string {
	c := Card{SigningKey: k}
	m := string(c.Marshal())
	i := strings.Index(m, "ed25519:") + len("ed25519:")
	return m[i : i+strings.IndexByte(m[i:], '\n')]
}

func FuzzParse(f *testing.F) {
	f.Add(newCard(f, "Ana", true).Marshal())
	f.Add(newCard(f, "Luis", false).Marshal())
	f.Add([]byte(Header + "\nname: x\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		c, err := Parse(text)
		if err != nil {
			return
		}
		again, err := Parse(c.Marshal())
		if err != nil || again.Name != c.Name || !again.SameKeys(c) {
			t.Fatalf("a parsed card does not round-trip: %v", err)
		}
		if !bytes.Equal(again.SigningKey, c.SigningKey) {
			t.Fatal("signing key changed")
		}
	})
}
