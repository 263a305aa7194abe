package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// noticeExtensions are the kinds of file a notice can be.
var noticeExtensions = []string{".pdf", ".png", ".jpg", ".jpeg"}

// filePicker chooses several files at once (docs/adr/0019-file-picker-and-notice-printing.md):
// the current folder's subfolders listed apart from its files, each file
// with a tick box, and a path field where a path can be typed or pasted (a
// folder opens, a file is ticked). Fyne's own open dialog takes one file
// and shows a handful of rows.
type filePicker struct {
	app        *App
	extensions []string
	dir        string
	folders    []string // names of the current folder's subfolders
	files      []string // names of its files of the kinds wanted
	chosen     []string // paths ticked, in the order ticked, from any folder

	path     *pathEntry
	problem  *widget.Label // why a typed path was not taken
	count    *widget.Label
	add      *widget.Button
	here     *widget.Label
	none     *widget.Label // says the folder has no files of the kinds wanted
	folderUI *widget.List
	fileUI   *widget.List
	dlg      *dialog.CustomDialog
}

// pickFiles asks for files with one of the extensions and gives the ones
// chosen to use, in the order they were ticked; Cancel does nothing.
func (a *App) pickFiles(title string, extensions []string, use func([]fyne.URI)) *filePicker {
	p := &filePicker{app: a, extensions: extensions}
	p.path = newPathEntry(func() { p.dlg.Hide() })
	p.path.SetPlaceHolder(lang.L("Type or paste a file or folder path, then press Enter"))
	p.path.OnSubmitted = p.typed
	p.problem = widget.NewLabel("")
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Hide()
	p.count = widget.NewLabel("")
	p.count.Truncation = fyne.TextTruncateEllipsis
	p.none = widget.NewLabel(lang.L("No PDF, PNG or JPEG files in this folder"))
	p.none.Importance = widget.LowImportance
	p.here = widget.NewLabel("")
	p.here.Truncation = fyne.TextTruncateEllipsis
	p.here.TextStyle.Bold = true
	up := widget.NewButtonWithIcon(lang.L("Up"), theme.MoveUpIcon(), func() { p.open(filepath.Dir(p.dir)) })
	p.add = widget.NewButtonWithIcon(lang.L("Add"), theme.ConfirmIcon(), nil)

	p.folderUI = widget.NewList(func() int { return len(p.folders) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*fyne.Container).Objects[0].(*widget.Label).SetText(p.folders[i])
		})
	p.folderUI.OnSelected = func(i widget.ListItemID) {
		p.folderUI.UnselectAll()
		if i < len(p.folders) {
			p.open(filepath.Join(p.dir, p.folders[i]))
		}
	}
	p.fileUI = widget.NewList(func() int { return len(p.files) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			// A row is reused for another file: SetChecked must not call
			// the other file's OnChanged.
			c := o.(*widget.Check)
			path := filepath.Join(p.dir, p.files[i])
			c.OnChanged = nil
			c.Text = p.files[i]
			c.SetChecked(slices.Contains(p.chosen, path))
			c.Refresh()
			c.OnChanged = func(on bool) { p.tick(path, on) }
		})
	p.fileUI.OnSelected = func(i widget.ListItemID) {
		p.fileUI.UnselectAll()
		if i < len(p.files) {
			path := filepath.Join(p.dir, p.files[i])
			p.tick(path, !slices.Contains(p.chosen, path))
		}
	}

	folders := container.NewBorder(widget.NewLabelWithStyle(lang.L("Folders"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, p.folderUI)
	files := container.NewBorder(widget.NewLabelWithStyle(lang.L("Notice files (PDF, PNG, JPEG): tick as many as you like"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewStack(p.fileUI, container.NewVBox(p.none)))
	lists := container.NewHSplit(folders, files)
	lists.Offset = 0.35
	top := container.NewVBox(container.NewBorder(nil, nil, nil, up, p.here), p.path, p.problem)
	content := container.NewBorder(top, p.count, nil, nil, lists)

	p.add.OnTapped = func() {
		p.dlg.Hide()
		uris := make([]fyne.URI, len(p.chosen))
		for i, path := range p.chosen {
			uris[i] = storage.NewFileURI(path)
		}
		a.pickFolder = p.dir
		use(uris)
	}
	p.add.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { p.dlg.Hide() })
	p.dlg = dialog.NewCustomWithoutButtons(title, content, a.win)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.add})
	p.open(a.startFolder())
	p.counted()
	p.dlg.Resize(dialogSize(a.win.Canvas().Size(), fyne.NewSize(760, 560)))
	a.showDialog(p.dlg)
	a.win.Canvas().Focus(p.path)
	return p
}

// startFolder is where the picker opens: the folder of the last files
// chosen in this run of the app, else the home folder. It is not saved.
func (a *App) startFolder() string {
	if a.pickFolder != "" {
		return a.pickFolder
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

// dialogSize is want, but never more than the window less a margin.
func dialogSize(window, want fyne.Size) fyne.Size {
	const margin = 40
	return fyne.NewSize(max(min(want.Width, window.Width-margin), 0), max(min(want.Height, window.Height-margin), 0))
}

// open shows folder dir; a folder that cannot be read is said, and the
// picker stays where it was.
func (p *filePicker) open(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		err = errors.New(lang.L("This folder cannot be opened: {{.Folder}}", map[string]any{"Folder": dir}))
		p.problem.SetText(err.Error())
		p.problem.Show()
		return err
	}
	p.problem.Hide()
	p.dir = dir
	p.folders, p.files = p.folders[:0], p.files[:0]
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden, as in the system's own file windows
		}
		if e.IsDir() || e.Type()&os.ModeSymlink != 0 && isDir(filepath.Join(dir, name)) {
			p.folders = append(p.folders, name)
		} else if p.wanted(name) {
			p.files = append(p.files, name)
		}
	}
	byName := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	slices.SortFunc(p.folders, byName)
	slices.SortFunc(p.files, byName)
	p.here.SetText(dir)
	p.none.Hidden = len(p.files) > 0
	p.none.Refresh()
	p.folderUI.Refresh()
	p.fileUI.Refresh()
	p.folderUI.ScrollToTop()
	p.fileUI.ScrollToTop()
	return nil
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func (p *filePicker) wanted(name string) bool {
	return slices.Contains(p.extensions, strings.ToLower(filepath.Ext(name)))
}

// typed takes what was typed or pasted in the path field: each line a path,
// absolute or from the folder shown, "~" for the home folder. A folder
// opens; a file of a kind wanted is ticked; anything else is said in one
// line, and the field keeps what was typed so that it can be corrected.
func (p *filePicker) typed(text string) {
	var problem error
	for line := range strings.Lines(text) {
		path := strings.Trim(strings.TrimSpace(line), `"'`)
		if path == "" {
			continue
		}
		if err := p.take(path); err != nil && problem == nil {
			problem = err
		}
	}
	if problem != nil {
		p.problem.SetText(problem.Error())
		p.problem.Show()
		return
	}
	p.problem.Hide()
	p.path.SetText("")
}

func (p *filePicker) take(path string) error {
	if rest, ok := strings.CutPrefix(path, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == filepath.Separator) {
		if home, err := os.UserHomeDir(); err == nil {
			path = home + rest
		}
	}
	if strings.HasPrefix(path, "file://") {
		if u, err := storage.ParseURI(path); err == nil {
			path = u.Path() // a path copied from a file manager as file:///…
		}
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.dir, path)
	}
	path = filepath.Clean(path)
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return errors.New(lang.L("There is no file or folder at {{.Path}}", map[string]any{"Path": path}))
	case st.IsDir():
		return p.open(path)
	case !p.wanted(path):
		return errors.New(lang.L("{{.Name}} is not a PDF, PNG or JPEG file", map[string]any{"Name": filepath.Base(path)}))
	}
	p.tick(path, true)
	return nil
}

// tick adds path to the files chosen, or takes it off.
func (p *filePicker) tick(path string, on bool) {
	i := slices.Index(p.chosen, path)
	switch {
	case on && i < 0:
		p.chosen = append(p.chosen, path)
	case !on && i >= 0:
		p.chosen = slices.Delete(p.chosen, i, i+1)
	default:
		return
	}
	p.fileUI.Refresh()
	p.counted()
}

func (p *filePicker) counted() {
	if len(p.chosen) == 0 {
		p.count.SetText(lang.L("No file chosen yet"))
		p.add.Disable()
		return
	}
	names := make([]string, len(p.chosen))
	for i, path := range p.chosen {
		names[i] = filepath.Base(path)
	}
	p.count.SetText(lang.L("Chosen: {{.Names}}", map[string]any{"Names": strings.Join(names, ", ")}))
	p.add.Enable()
}

// pathEntry is the picker's path field. Escape in it closes the picker: a
// focused field gets the key, not the window, which closes dialogs on it.
type pathEntry struct {
	widget.Entry
	escape func()
}

func newPathEntry(escape func()) *pathEntry {
	e := &pathEntry{escape: escape}
	e.ExtendBaseWidget(e)
	return e
}

func (e *pathEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.escape()
		return
	}
	e.Entry.TypedKey(k)
}
