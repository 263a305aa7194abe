package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"immivault/internal/atomicfile"
	"immivault/internal/filename"
	"immivault/internal/vault"
)

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
	return c.withVault(func(v *vault.Vault) error {
		n, blob, err := openNotice(v, pos[0])
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
		// matched the index's hash (the blob's reader checks it at the end): a
		// damaged blob, or another notice's in its place, leaves nothing.
		if err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
			_, err := io.Copy(w, r)
			return err
		}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "wrote %s (%s, %s)\n", displayable(path), displayable(n.FileName), byteSize(n.Size))
		return nil
	})
}

// openNotice finds the notice with the ID and opens its file.
func openNotice(v *vault.Vault, id string) (*vault.Notice, io.ReadCloser, error) {
	n, err := v.Index().Notice(id)
	if err != nil {
		return nil, nil, err
	}
	r, err := v.OpenBlob(n)
	return n, r, err
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
