package totp

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"encoding/base32"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"immivault/internal/secret"
)

// rfcKey is the seed of RFC 6238's Appendix B for each algorithm: the
// ASCII digits 1234567890 repeated to the hash's length.
func rfcKey(alg Algorithm) *secret.Secret {
	n := map[Algorithm]int{SHA1: 20, SHA256: 32, SHA512: 64}[alg]
	return secret.New([]byte(strings.Repeat("1234567890", 7)[:n]))
}

// TestRFC6238Vectors checks every value of RFC 6238 Appendix B: 8 digits,
// 30-second steps, the three algorithms.
func TestRFC6238Vectors(t *testing.T) {
	vectors := []struct {
		unix                 int64
		sha1, sha256, sha512 string
	}{
		{59, "94287082", "46119246", "90693936"},
		{1111111109, "07081804", "68084774", "25091201"},
		{1111111111, "14050471", "67062674", "99943326"},
		{1234567890, "89005924", "91819424", "93441116"},
		{2000000000, "69279037", "90698825", "38618901"},
		{20000000000, "65353130", "77737706", "47863826"},
	}
	for _, v := range vectors {
		for alg, want := range map[Algorithm]string{SHA1: v.sha1, SHA256: v.sha256, SHA512: v.sha512} {
			k := &Key{Secret: rfcKey(alg), Algorithm: alg, Digits: 8, Period: 30}
			got, err := k.Code(time.Unix(v.unix, 0))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s at %d: %s, want %s", alg, v.unix, got, want)
			}
		}
	}
}

// TestRFC4226Vectors checks HOTP, which TOTP is built on, against RFC 4226
// Appendix D.
func TestRFC4226Vectors(t *testing.T) {
	want := []uint32{755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489}
	for c, w := range want {
		got, err := hotp(rfcKey(SHA1), SHA1, uint64(c), 6)
		if err != nil {
			t.Fatal(err)
		}
		if got != w {
			t.Errorf("counter %d: %06d, want %06d", c, got, w)
		}
	}
}

// TestHMACMatchesTheStandardLibrary checks the wiping HMAC against
// crypto/hmac, keys shorter and longer than a block included.
func TestHMACMatchesTheStandardLibrary(t *testing.T) {
	for _, alg := range []Algorithm{SHA1, SHA256, SHA512} {
		newHash, block, _ := alg.hash()
		for _, n := range []int{0, 1, 20, block - 1, block, block + 1, 3 * block} {
			key := make([]byte, n)
			rand.Read(key)
			msg := []byte("12345678")
			m := hmac.New(newHash, key)
			m.Write(msg)
			if got, want := hmacSum(nil, newHash, block, key, msg), m.Sum(nil); !bytes.Equal(got, want) {
				t.Errorf("%s with a %d-byte key: %x, want %x", alg, n, got, want)
			}
		}
	}
}

func TestSecondsLeft(t *testing.T) {
	k := &Key{Period: 30}
	for unix, want := range map[int64]int{0: 30, 1: 29, 29: 1, 30: 30, 59: 1} {
		if got := k.SecondsLeft(time.Unix(unix, 0)); got != want {
			t.Errorf("at %d: %d seconds left, want %d", unix, got, want)
		}
	}
	k.Period = 60
	if got := k.SecondsLeft(time.Unix(61, 0)); got != 59 {
		t.Errorf("60 s period at 61: %d left, want 59", got)
	}
}

func TestCodeKeepsLeadingZeros(t *testing.T) {
	k := &Key{Secret: rfcKey(SHA1), Algorithm: SHA1, Digits: 8, Period: 30}
	if got, _ := k.Code(time.Unix(1111111109, 0)); got != "07081804" {
		t.Errorf("got %q", got)
	}
	k.Digits = 6
	if got, _ := k.Code(time.Unix(1111111109, 0)); got != "081804" {
		t.Errorf("6 digits: got %q, want 081804", got)
	}
}

// TestAgreesWithOathtool compares codes with oath-toolkit's oathtool, an
// implementation independent of this one, at the current time, for every
// algorithm, digits and period. Without oathtool the test is skipped,
// except under CI, where the Makefile's test-deps install it.
func TestAgreesWithOathtool(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("oathtool is a Linux program: the Windows run under Wine leaves this check to the Linux run")
	}
	tool, err := exec.LookPath("oathtool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("oathtool is not installed (apt package oathtool); CI must have it")
		}
		t.Skip("oathtool is not installed (apt package oathtool)")
	}
	for _, alg := range []Algorithm{SHA1, SHA256, SHA512} {
		for _, digits := range []int{6, 7, 8} {
			for _, period := range []int{30, 60} {
				raw := make([]byte, 20+digits)
				rand.Read(raw)
				enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw)
				k, err := Parse([]byte(strings.ToLower(enc)))
				if err != nil {
					t.Fatal(err)
				}
				k.Algorithm, k.Digits, k.Period = alg, digits, period
				now := time.Now()
				want, err := k.Code(now)
				if err != nil {
					t.Fatal(err)
				}
				// The key goes on standard input, the moment as --now, so
				// that a step boundary between the two cannot fail the test.
				cmd := exec.Command(tool, "--totp="+string(alg), "-d", strconv.Itoa(digits),
					"-s", strconv.Itoa(period)+"s", "-N", "@"+strconv.FormatInt(now.Unix(), 10), "-b", "-")
				cmd.Stdin = strings.NewReader(enc + "\n")
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("oathtool: %v", err)
				}
				if got := strings.TrimSpace(string(out)); got != want {
					t.Errorf("%s, %d digits, %d s: oathtool says %s, we say %s", alg, digits, period, got, want)
				}
			}
		}
	}
}
