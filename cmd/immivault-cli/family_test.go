package main

import (
	"strings"
	"testing"
)

func TestNormalizeFingerprint(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"7K2M-QX9D-4HBT-W0ZA",
		"7k2m-qx9d-4hbt-w0za",
		"7K2MQX9D4HBTW0ZA",
		"7K2M QX9D 4HBT W0ZA",
		"7K2M-QX9D-4HBT-WOZA", // O read for 0
	} {
		if got, err := normalizeFingerprint(in); err != nil || got != "7K2MQX9D4HBTW0ZA" {
			t.Errorf("normalizeFingerprint(%q) = %q, %v", in, got, err)
		}
	}
	if got, _ := normalizeFingerprint("1L1I-0000-0000-0000"); got != "1111000000000000" {
		t.Errorf("I and L are not read as 1: %q", got)
	}
	for _, in := range []string{"", "7K2M-QX9D-4HBT", "7K2M-QX9D-4HBT-W0ZA-1", "7K2M-QX9D-4HBT-W0Z!", "7K2M-QX9D-4HBT-W0ZU"} {
		if got, err := normalizeFingerprint(in); err == nil {
			t.Errorf("normalizeFingerprint(%q) = %q, want an error", in, got)
		}
	}
	// Every fingerprint a card has reads back as itself.
	fp := testCard(t, "Ana").Fingerprint()
	if got, err := normalizeFingerprint(fp); err != nil || got != strings.ReplaceAll(fp, "-", "") {
		t.Errorf("normalizeFingerprint(%q) = %q, %v", fp, got, err)
	}
}
