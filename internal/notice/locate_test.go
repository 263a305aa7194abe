package notice

import (
	"bytes"
	"context"
	imagepng "image/png"
	"math"
	"strings"
	"testing"

	"immivault/internal/notice/noticetest"
)

// row1 lays out texts as the words of one row, each a tenth of the page wide.
func row1(line int, texts ...string) []Word {
	var ws []Word
	for i, t := range texts {
		x := 0.02 + 0.085*float64(i)
		ws = append(ws, Word{Text: t, Line: line, X0: x, Y0: 0.1 + 0.02*float64(line), X1: x + 0.08, Y1: 0.11 + 0.02*float64(line)})
	}
	return ws
}

func TestLocateFindsValuesAsPrinted(t *testing.T) {
	var page []Word
	for line, texts := range [][]string{
		{"Receipt", "Number:", "EAC*25-123-45678"},
		{"A#", "261", "349", "091", "May", "23,", "2025."},
		{"Case", "Type:", "I130", "PETITION"},
		{"Notice", "Type:", "RÉCEIPT", "NOTICE"},
		{"(05/23/2025)", "1O0123456789", "EAC2512345679"},
	} {
		page = append(page, row1(line, texts...)...)
	}
	for _, tc := range []struct {
		v     Value
		boxes int
		first int // the index in page of the first box's first word
	}{
		{Value{Number, "EAC2512345678"}, 1, 2},
		{Value{Number, "A261349091"}, 1, 3},
		{Value{Date, "2025-05-23"}, 2, 7},
		{Value{Number, "I-130"}, 1, 12},
		{Value{Text, "Receipt Notice"}, 1, 16},
		{Value{Number, "100123456789"}, 1, 19}, // OCR's O for 0
		{Value{Number, "EAC2512345670"}, 0, 0}, // a digit differs
		{Value{Date, "2025-05-24"}, 0, 0},
		{Value{Date, "May 23, 2025"}, 0, 0}, // not a proposal's date
		{Value{Text, ""}, 0, 0},
		{Value{Number, "**"}, 0, 0},
	} {
		got := Locate([][]Word{page}, tc.v)
		if len(got) != tc.boxes {
			t.Errorf("%v: %d boxes %v, want %d", tc.v, len(got), got, tc.boxes)
			continue
		}
		if w := page[tc.first]; tc.boxes > 0 && (got[0].X0 != w.X0 || got[0].Y0 != w.Y0) {
			t.Errorf("%v: first box at %v, want x0 %v", tc.v, got[0], tc.first)
		}
	}
}

func TestLocateDoesNotJoinRows(t *testing.T) {
	page := append(row1(0, "May", "23,"), row1(1, "2025")...)
	if got := Locate([][]Word{page}, Value{Date, "2025-05-23"}); len(got) != 0 {
		t.Errorf("a date across rows found at %v", got)
	}
}

func TestFindNames(t *testing.T) {
	beside := row1(0, "Applicant:", "MORALES,", "ANA", "María")
	under := append(row1(0, "Received", "Beneficiary", "A#", "123"), row1(1, "Date", "EXEMPLO,", "LUIS")...)
	under[5].X0 = under[1].X0 + 0.001 // the name under its label
	under[0].X1 = under[0].X0 + 0.01  // "Received" in a cell of its own, far from the label
	prose := row1(0, "Name", "of", "the", "company")
	heading := row1(0, "REQUEST", "FOR", "APPLICANT", "TO", "APPEAR")
	numbers := row1(0, "Name:", "A123456789")
	for _, tc := range []struct {
		name  string
		words []Word
		want  []string
	}{
		{"beside", beside, []string{"Applicant=MORALES, ANA María"}},
		{"under", under, []string{"Beneficiary=EXEMPLO, LUIS"}},
		{"prose", prose, nil},
		{"heading", heading, nil},
		{"numbers", numbers, nil},
	} {
		var got []string
		for _, n := range FindNames([][]Word{tc.words}) {
			got = append(got, n.Label+"="+n.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLocateOnGeneratedNotices reads generated notices of every layout and finds on the page
// every value they print and the filer's name.
func TestLocateOnGeneratedNotices(t *testing.T) {
	for i, n := range noticetest.Corpus(24, 5) {
		doc, err := Read(context.Background(), n.PDF, "notice.pdf")
		if err != nil {
			t.Fatal(err)
		}
		pages := [][]Word{doc.Words(0)}
		if len(pages[0]) == 0 {
			t.Fatalf("notice %d: no words", i)
		}
		want := []Value{{Number, n.Truth.ReceiptNumber}, {Number, n.Truth.Form}, {Date, n.Truth.NoticeDate}, {Date, n.Truth.ReceivedDate}}
		for _, a := range n.Truth.ANumbers {
			want = append(want, Value{Number, a})
		}
		for _, e := range n.Truth.Events {
			want = append(want, Value{Date, e.Date})
		}
		for _, v := range want {
			if v.Text == "" || v.Text == n.Truth.Form { // a form may be printed only as its title
				continue
			}
			boxes := Locate(pages, v)
			if len(boxes) == 0 {
				t.Errorf("notice %d: %v not found", i, v)
			}
			for _, b := range boxes {
				if !(0 <= b.X0 && b.X0 < b.X1 && b.X1 <= 1 && 0 <= b.Y0 && b.Y0 < b.Y1 && b.Y1 <= 1) {
					t.Errorf("notice %d: %v at %v, off the page", i, v, b)
				}
			}
		}
		names := FindNames(pages)
		if len(names) == 0 {
			t.Errorf("notice %d: no name found", i)
		}
		for _, nm := range names {
			if !strings.Contains(nm.Text, ",") {
				t.Errorf("notice %d: name %q under %q is not SURNAME, GIVEN", i, nm.Text, nm.Label)
			}
		}
		doc.Close()
	}
}

// FuzzLocate finds values in any words: it must not panic, and every box is one of the words'.
func FuzzLocate(f *testing.F) {
	f.Add("Receipt Number: EAC*25-123-45678\nA# 261 349 091 May 23, 2025", "EAC2512345678", 0)
	f.Add("Applicant:  MORALES, ANA\nName", "2025-05-23", 1)
	f.Add("Beneficiary\nEXEMPLO, LUIS", "luis", 2)
	f.Fuzz(func(t *testing.T, text, value string, kind int) {
		var page []Word
		for line, l := range strings.Split(text, "\n") {
			page = append(page, row1(line, strings.Fields(l)...)...)
		}
		v := Value{Kind: ValueKind(kind % 3), Text: value}
		if kind < 0 {
			v.Kind = Text
		}
		for _, b := range Locate([][]Word{page}, v) {
			if b.X0 >= b.X1 || b.Y0 >= b.Y1 {
				t.Fatalf("empty box %v", b)
			}
		}
		for _, n := range FindNames([][]Word{page}) {
			if n.Text == "" || strings.ContainsAny(n.Text, "0123456789") {
				t.Fatalf("name %q", n.Text)
			}
		}
	})
}

// TestLocateOnAScan reads a generated notice as a scan, by OCR, and finds its receipt number
// where the text layer of the same notice has it.
func TestLocateOnAScan(t *testing.T) {
	needOCR(t)
	n := noticetest.Generate(3)
	text, err := Read(testContext(t), n.PDF, "notice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want := Locate([][]Word{text.Words(0)}, Value{Number, n.Truth.ReceiptNumber})
	text.Close()
	var png bytes.Buffer
	if err := imagepng.Encode(&png, scanOf(t, n.PDF, 0, 0)); err != nil {
		t.Fatal(err)
	}
	scan, err := Read(testContext(t), png.Bytes(), "scan.png")
	if err != nil {
		t.Fatal(err)
	}
	defer scan.Close()
	words := scan.Words(0)
	if len(words) == 0 || scan.Source() != SourceOCR {
		t.Fatalf("no words read off the scan (source %s)", scan.Source())
	}
	got := Locate([][]Word{words}, Value{Number, n.Truth.ReceiptNumber})
	if len(want) == 0 || len(got) == 0 {
		t.Fatalf("receipt number at %v in the text layer, %v on the scan", want, got)
	}
	// The same place within a few hundredths of the page: the scan's type is drawn a little
	// differently from the text layer's boxes.
	if d := max(math.Abs(got[0].X0-want[0].X0), math.Abs(got[0].Y0-want[0].Y0)); d > 0.03 {
		t.Errorf("receipt number at %v on the scan, %v in the text layer", got[0], want[0])
	}
}
