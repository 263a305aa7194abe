package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"immivault/internal/atomicfile"
	"immivault/internal/filename"
	"immivault/internal/vault"
)

func (c *cli) attach(args []string) error {
	flags := c.flags()
	receipt := flags.String("case", "", "the case the notice belongs to, by its `RECEIPT` number")
	pos, err := c.parse(flags, args, 2)
	if err != nil {
		return err
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return err
	} else if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", pos[1])
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	// Look the person and case up before writing a blob that would be left
	// behind if they do not exist; Update looks again in the newest index.
	if _, _, err := noticeOwner(v.Index(), pos[0], *receipt); err != nil {
		return err
	}
	blob, err := v.AddBlob(f)
	if err != nil {
		return err
	}
	var n *vault.Notice
	err = v.Update(func(ix *vault.Index) error {
		personID, caseID, err := noticeOwner(ix, pos[0], *receipt)
		if err != nil {
			return err
		}
		n, err = ix.AddNotice(personID, caseID, filepath.Base(pos[1]), blob)
		return err
	})
	if err != nil {
		// Remove the new blob now rather than leave it for garbage
		// collection; DiscardBlob refuses if the Update recorded it after all.
		v.DiscardBlob(blob)
		return err
	}
	fmt.Fprintln(c.stdout, n.ID)
	return nil
}

// noticeOwner finds the person a notice is for and, if receipt is given,
// the case, which must be theirs.
func noticeOwner(ix *vault.Index, person, receipt string) (personID, caseID string, err error) {
	p, err := ix.Person(person)
	if err != nil {
		return "", "", err
	}
	if receipt == "" {
		return p.ID, "", nil
	}
	cs, err := ix.CaseByReceipt(receipt)
	if err != nil {
		return "", "", err
	}
	if cs.PersonID != p.ID {
		return "", "", fmt.Errorf("case %s is not %s's", cs.ReceiptNumber, displayable(p.Name))
	}
	return p.ID, cs.ID, nil
}

func (c *cli) get(args []string) error {
	flags := c.flags()
	out := flags.String("o", "", "write the notice to `FILE`, or into FILE if it is a folder, under the notice's name with the extension its content calls for")
	force := flags.Bool("force", false, "replace FILE if it exists")
	pos, err := c.parse(flags, args, 1)
	if err != nil {
		return err
	}
	intoDir := false
	if fi, err := os.Stat(*out); *out != "" && err == nil && fi.IsDir() {
		intoDir = true
	} else if err := c.checkOutput(*out, *force); err != nil {
		return err
	}
	v, err := c.open()
	if err != nil {
		return err
	}
	defer v.Close()
	n, err := v.Index().Notice(pos[0])
	if err != nil {
		return err
	}
	blob, err := v.OpenBlob(n)
	if err != nil {
		return err
	}
	defer blob.Close()
	// What the file is comes from its first bytes, never from the name it
	// was stored under, which a bundle may have chosen to mislead.
	r := bufio.NewReader(blob)
	head, _ := r.Peek(8)
	path := *out
	if intoDir {
		path = filepath.Join(*out, filename.ForCopy(n.FileName, head))
		if err := c.checkOutput(path, *force); err != nil {
			return err
		}
	} else if ext := filename.Ext(head); !extensionFits(path, ext) {
		fmt.Fprintf(c.stderr, "warning: notice %s is a %s file; %s has another extension\n", n.ID, strings.ToUpper(ext[1:]), path)
	}
	// atomicfile writes a temporary file beside FILE, readable by its owner
	// alone, and renames it into place only once all of it decrypted and
	// matched the index's hash: a damaged blob, or another notice's in its
	// place, leaves nothing.
	if err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		h := sha256.New()
		if _, err := io.Copy(io.MultiWriter(w, h), r); err != nil {
			return err
		}
		if hex.EncodeToString(h.Sum(nil)) != n.SHA256 {
			return fmt.Errorf("blobs/%s does not hold notice %s: its SHA-256 differs from the index's", n.Blob, n.ID)
		}
		return nil
	}); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "wrote %s (%s, %s)\n", displayable(path), displayable(n.FileName), byteSize(n.Size))
	return nil
}

// extensionFits reports whether path's extension suits a file of the
// type ext (filename.Ext): a file of no known type suits any.
func extensionFits(path, ext string) bool {
	got := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".bin":
		return true
	case ".jpg":
		return got == ".jpg" || got == ".jpeg"
	}
	return got == ext
}

// checkOutput refuses a missing -o, or one that names an existing file
// without --force, before anyone is asked for a passphrase.
func (c *cli) checkOutput(out string, force bool) error {
	if out == "" {
		return fmt.Errorf("say where to write: -o FILE (usage: immivault-cli %s %s)", c.cmd.name, c.cmd.args)
	}
	if _, err := os.Lstat(out); err == nil && !force {
		return fmt.Errorf("%s already exists; add --force to replace it", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
