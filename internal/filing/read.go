package filing

import (
	"context"
	"io"

	"immivault/internal/notice"
	"immivault/internal/notice/fields"
)

// Reading is a notice file as it was read: its bytes, for Propose and Apply, and what its text
// says.
type Reading struct {
	Data     []byte
	Notice   fields.Notice
	Source   fields.Source // where the text came from
	Warnings []string      // the reader's (no tesseract, a page OCR could not read); Notice has its own
	// Words are each page's words with their boxes, for showing where a value was read
	// (notice.Locate); a page without known words has none.
	Words [][]notice.Word
}

// ReadNotice reads a notice file and what it says: the one way the app and the CLI read a
// notice. It reads r to its end, but at most one byte past notice.MaxFileSize, so that
// notice.Read can say that a larger file is too large; hands the bytes to notice.Read with opts
// and the text to fields.Extract (and a fax's second reading to fields.Fill). name is the file's name, for error messages. The errors are
// r's and notice.Read's.
func ReadNotice(ctx context.Context, r io.Reader, name string, opts ...notice.Option) (*Reading, error) {
	data, err := io.ReadAll(io.LimitReader(r, notice.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	// A fax is read a second way where the first reading lacks what every notice prints.
	incomplete := func(text string) bool { return fields.Extract(text, fields.OCR).Incomplete() }
	doc, err := notice.Read(ctx, data, name, append([]notice.Option{notice.WithSecondReading(incomplete)}, opts...)...)
	if err != nil {
		return nil, err
	}
	defer doc.Close()
	src := fields.Source(doc.Source())
	words := make([][]notice.Word, doc.Pages())
	for i := range words {
		words[i] = doc.Words(i)
	}
	n := fields.Extract(doc.Text(), src)
	if second := doc.SecondReading(); second != "" {
		n = fields.Fill(n, fields.Extract(second, src))
	}
	return &Reading{Data: data, Notice: n, Source: src, Warnings: doc.Warnings(), Words: words}, nil
}

// Summary is what was read in the JSON schema of `immivault-cli notice inspect --json`, the
// reader's warnings before Extract's.
func (r *Reading) Summary() fields.Summary {
	sum := r.Notice.Summary(r.Source)
	sum.Warnings = append(append([]string{}, r.Warnings...), sum.Warnings...)
	return sum
}
