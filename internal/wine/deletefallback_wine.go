//go:build windows && wine

package wine

import _ "unsafe" // for go:linkname

// os.RemoveAll deletes each file with NtSetInformationFile's
// FileDispositionInformationEx (POSIX semantics), which Windows 10 has since
// 2016 and Wine 8 does not implement: it answers STATUS_NOT_IMPLEMENTED
// ("Invalid function"), which Go does not take as "unsupported", so every
// RemoveAll fails, t.TempDir's clean-up among them. Go keeps a fallback for
// older Windows and file systems without those semantics (the
// FileDispositionInfo class, which Wine has) and a switch its own tests use
// to force it. Turning that switch on makes RemoveAll work under Wine the
// way it works on FAT32; the code under test is unchanged.
//
// Linking this needs -ldflags=-checklinkname=0, which make test passes with
// the tag.
//
//go:linkname deleteatFallback internal/syscall/windows.TestDeleteatFallback
var deleteatFallback bool

func init() { deleteatFallback = true }
