package ui

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"immivault/internal/secret"
	"immivault/internal/ui/translations"
	"immivault/internal/vault"
)

// TestRelationsAreKeysShownTranslated: the app offers and shows each
// relation key in its language and stores the key; every word it has
// shown for one, in every language, the vault reads as the key (vaults
// from before relations were keys hold those words).
func TestRelationsAreKeysShownTranslated(t *testing.T) {
	t.Cleanup(func() { translations.Use("en") })
	for _, language := range []string{"en", "es"} {
		translations.Use(language)
		data, err := translations.Files.ReadFile("app." + language + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]string
		if err := json.Unmarshal(data, &words); err != nil {
			t.Fatal(err)
		}
		for i, key := range vault.Relations {
			word := words[key]
			if got := relationText(key); got != word || relations()[i] != word {
				t.Errorf("%s: %s is shown as %q and offered as %q, want %q", language, key, got, relations()[i], word)
			}
			if got := relationKey(" " + word + " "); got != key {
				t.Errorf("%s: %q typed is stored as %q, want %q", language, word, got, key)
			}
			if got := vault.RelationKey(word); got != key {
				t.Errorf("%s: the vault reads %q as %q, not %q: add it to the words it knows", language, word, got, key)
			}
		}
		if got := relationText("tía"); got != "tía" {
			t.Errorf("%s: other text is shown as %q", language, got)
		}
	}
}

// TestOwnerStoredInSpanish: in a vault whose owner's relation an earlier
// release stored as the Spanish app's "yo", after someone else, the app
// names the card and the bundles it makes after her, and shows her as
// self; the English app too.
func TestOwnerStoredInSpanish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, _, err := vault.Create(dir, secret.New([]byte(testPassphrase)), fast)
	if err != nil {
		t.Fatal(err)
	}
	err = v.Update(func(ix *vault.Index) error {
		if _, err := ix.AddPerson("Luis Morales", "", "spouse"); err != nil {
			return err
		}
		ana, err := ix.AddPerson("Ana Morales", "", "")
		ana.Relation = "yo" // as it was stored, bypassing the keys
		return err
	})
	v.Close()
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	h.unlock(testPassphrase)
	if len(h.app.main.rows) != 2 {
		t.Fatalf("the family list has %d rows", len(h.app.main.rows))
	}
	for _, row := range h.app.main.rows {
		if want := map[string]string{"Ana Morales": lang.L("self"), "Luis Morales": lang.L("spouse")}[row.title]; row.detail != want {
			t.Errorf("%s is shown as %q, want %q", row.title, row.detail, want)
		}
	}

	test.Tap(h.button(lang.L("Family sharing")))
	if s, ok := h.app.screen.(*sharingScreen); !ok || s.mine.Name != "Ana Morales" {
		t.Fatalf("my card: %+v", h.app.screen)
	}
	addContact(t, h.app.vault, "Beto", otherCard(t, "Beto"), true)
	h.app.showExport()
	b := openBundle(t, h.saveBundle(), h.app.vault)
	if got := b.Sender().Name; got != "Ana Morales" {
		t.Errorf("the bundle is signed as %q", got)
	}
}
