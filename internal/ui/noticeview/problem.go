package noticeview

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"immivault/internal/notice"
)

// showProblem puts why the notice or its page cannot be shown in the line above the page.
// Called with mu held.
func (v *Viewer) showProblem(err error) {
	v.problem.SetText(problemText(err))
	v.problem.Show()
	v.content.Refresh() // makes room for the line
}

// hideProblem takes the line away once a page is drawn. Called with mu held.
func (v *Viewer) hideProblem() {
	if v.problem.Visible() {
		v.problem.Hide()
		v.content.Refresh()
	}
}

// problemText says in the person's language what the reader's error means and what to do. The
// reader's own words, in English, are the fallback for errors it does not name.
func problemText(err error) string {
	switch {
	case errors.Is(err, notice.ErrEmpty):
		return lang.L("This file is empty. Add the notice again from the original.")
	case errors.Is(err, notice.ErrNotNotice):
		return lang.L("This file is not a PDF, JPEG or PNG, so it cannot be shown.")
	case errors.Is(err, notice.ErrPasswordProtected):
		return lang.L("This PDF is password-protected. Save an unprotected copy and add that instead.")
	case errors.Is(err, notice.ErrDamaged):
		return lang.L("This file is damaged or incomplete. Download or scan the notice again.")
	case errors.Is(err, notice.ErrTooLarge):
		return lang.L("This file is too large to show: notice files are limited to {{.Megabytes}} MB.", map[string]any{"Megabytes": notice.MaxFileSize >> 20})
	case errors.Is(err, notice.ErrTooManyPages):
		return lang.L("This PDF has too many pages to show: notices are limited to {{.Pages}} pages.", map[string]any{"Pages": notice.MaxPages})
	case errors.Is(err, notice.ErrImageTooLarge):
		return lang.L("This image is too large to show: notice images are limited to {{.Megapixels}} megapixels.", map[string]any{"Megapixels": notice.MaxImagePixels / 1_000_000})
	case errors.Is(err, notice.ErrRenderTooLarge):
		return lang.L("This page is too large to show at this zoom. Zoom out.")
	case errors.Is(err, notice.ErrPageTooComplex):
		return lang.L("This page holds too many drawing objects to be a notice, so it is not shown.")
	}
	return lang.L("This notice cannot be shown: {{.Error}}", map[string]any{"Error": err})
}
