package recoverykit

import (
	"io"
	"strings"
	"unicode/utf8"
)

// commentWidth is where the text file's comments wrap, "# " included.
const commentWidth = 72

// WriteText writes the kit as a text file: the sentences and details as
// comments, then the key alone on the last line, so that the file is an age
// identity file. Nothing is written if the key is unusable.
func (k Kit) WriteText(w io.Writer) error {
	var head strings.Builder
	writeComment(&head, k.Text.Title, false)
	head.WriteString("#\n")
	writeComment(&head, k.Text.Intro, true)
	head.WriteString("#\n")
	// The path is never wrapped, so that it can be copied whole.
	writeComment(&head, k.Text.VaultLabel+": "+k.VaultDir, false)
	writeComment(&head, k.Text.CreatedLabel+": "+k.date(), false)
	head.WriteString("#\n")
	writeComment(&head, k.Text.Warning, true)
	head.WriteString("#\n")
	writeComment(&head, k.Text.KeyHeading, false)
	return k.Key.Use(func(key []byte) error {
		if err := checkKey(key); err != nil {
			return err
		}
		if _, err := io.WriteString(w, head.String()); err != nil {
			return err
		}
		if _, err := w.Write(key); err != nil {
			return err
		}
		_, err := io.WriteString(w, "\n")
		return err
	})
}

// writeComment writes s as comment lines, one per line of s, each wrapped
// at spaces to commentWidth if wrap is set. Every line starts with "#", so
// that no sentence, and no line break in a path, can be taken for a key.
func writeComment(b *strings.Builder, s string, wrap bool) {
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\r\n")
		if !wrap {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
			continue
		}
		b.WriteString("#")
		col := 1
		for _, word := range strings.Fields(line) {
			n := utf8.RuneCountInString(word)
			if col > 1 && col+1+n > commentWidth {
				b.WriteString("\n#")
				col = 1
			}
			b.WriteString(" " + word)
			col += 1 + n
		}
		b.WriteString("\n")
	}
}
