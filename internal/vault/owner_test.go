package vault

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"strings"
	"testing"
)

func TestRelationKey(t *testing.T) {
	for in, want := range map[string]string{
		"self": RelationSelf, " Self ": RelationSelf, "SELF": RelationSelf, "yo": RelationSelf, "Yo": RelationSelf,
		"spouse": RelationSpouse, "cónyuge": RelationSpouse, "CÓNYUGE": RelationSpouse,
		"Child": RelationChild, "hijo/a": RelationChild, "Padre/Madre": RelationParent, "hermano/a": RelationSibling,
		// Other words stay as typed, trimmed.
		"tía": "tía", " Step-son ": "Step-son", "hija": "hija", "": "",
	} {
		if got := RelationKey(in); got != want {
			t.Errorf("RelationKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRelationsAreMigratedAsRead: an index from before relations were keys
// (the app stored its words, in its language) reads with keys; the next
// save stores them.
func TestRelationsAreMigratedAsRead(t *testing.T) {
	ix, err := readIndex([]byte(`{"format":"immivault-index/v1","people":[` +
		`{"id":"a","name":"Ana","relation":"Yo"},{"id":"b","name":"Beto","relation":"cónyuge"},{"id":"c","name":"Eva","relation":"tía"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ix.People {
		got = append(got, p.Relation)
	}
	if strings.Join(got, ",") != "self,spouse,tía" {
		t.Fatalf("relations read as %q", got)
	}
	var buf strings.Builder
	if err := writeIndex(&buf, ix, hmac.New(sha256.New, nil)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"relation":"self"`) || strings.Contains(buf.String(), `"Yo"`) {
		t.Errorf("written as %s", buf.String())
	}
	if owner, err := ix.Owner(); err != nil || owner.Name != "Ana" {
		t.Errorf("Owner = %v, %v", owner, err)
	}
}

func TestOwnerAndCardName(t *testing.T) {
	ix := &Index{}
	var oe *OwnerError
	if _, err := ix.OwnerCardName(); !errors.As(err, &oe) || oe.Selves != 0 || !strings.Contains(err.Error(), "no one in this vault has the relation self") {
		t.Fatalf("no one: %v", err)
	}
	for _, p := range []struct{ name, relation string }{{"Luis", "spouse"}, {"Ana", "Self"}} {
		if _, err := ix.AddPerson(p.name, "", p.relation); err != nil {
			t.Fatal(err)
		}
	}
	if name, err := ix.OwnerCardName(); err != nil || name != "Ana" {
		t.Fatalf("Ana is self: %q, %v", name, err)
	}
	if _, err := ix.AddPerson("Bea", "", "yo"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Owner(); !errors.As(err, &oe) || oe.Selves != 2 {
		t.Fatalf("two selves: %v", err)
	}
	for _, bad := range []string{"", " ", "Ana\nGarcía", strings.Repeat("x", 201)} {
		if _, err := ix.SetCardName(bad); err == nil {
			t.Errorf("SetCardName(%q) accepted", bad)
		}
	}
	if changed, err := ix.SetCardName(" Ana García "); err != nil || !changed {
		t.Fatalf("SetCardName: %v %v", changed, err)
	}
	if changed, _ := ix.SetCardName("Ana García"); changed {
		t.Error("the same name again is a change")
	}
	if name, err := ix.OwnerCardName(); err != nil || name != "Ana García" {
		t.Fatalf("the remembered name: %q, %v", name, err)
	}

	// The name is kept in index.age.
	v, dir := newVault(t)
	if err := v.Update(func(ix *Index) error { _, err := ix.SetCardName("Ana García"); return err }); err != nil {
		t.Fatal(err)
	}
	v, err := Open(dir, pass("correct horse"), fast)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Index().CardName; got != "Ana García" {
		t.Errorf("card name after reopening: %q", got)
	}
}
