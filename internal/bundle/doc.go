// Package bundle shares records and notices between family members' vaults:
// Export writes a bundle, Open verifies one, Preview says what importing it
// would change and Apply makes those changes. docs/bundle.md specifies the
// format; docs/adr/0008-family-sharing.md explains the merge rules.
//
// A bundle is one age file (optionally ASCII-armored) holding a zip archive,
// stored without compression:
//
//	README.txt      what this is and how to open it without immivault
//	manifest.json   format, sender's contact card, addressees, records, files
//	manifest.sig    Ed25519ph signature of manifest.json by the sender
//	notices/...     the notice files, under readable names
//
// It is encrypted to the chosen family members and the sender (their
// post-quantum age recipients), or to a passphrase alone, so that the stock
// age CLI and any unzip tool open it too.
//
// # Security
//
// age encryption says nothing about who made a file: anyone who knows a
// family member's recipient can encrypt to it. What a bundle says about its
// sender rests on the signature alone. The manifest lists every other file
// of the archive with its size and SHA-256, so the one signature covers
// everything. Open refuses a bundle whose signature does not check against
// the sender key written in the manifest; whether that key belongs to
// someone in the family list is the caller's question ([Bundle.KnownSender]),
// and [Apply] refuses a sender who is neither in the family list, nor the
// vault itself, nor accepted explicitly with [Bundle.Trust].
//
// Open verifies everything before it returns: every byte of the age payload
// (age authenticates each 64 KiB chunk, and Open reads them all), the zip
// structure and its names, the manifest, the signature, and every file's
// size and SHA-256. Nothing is written anywhere while it does.
//
// # Limits
//
// A bundle is refused, before anything is decompressed or parsed, when it
// goes past any of these (see the constants):
//
//   - [MaxEntries] entries in the zip archive (no zip64);
//   - [MaxManifestSize] for manifest.json, [MaxRecords] records in it;
//   - [MaxFileSize] for one notice, [MaxTotalSize] for all entries together;
//   - [MaxArmoredSize] for an armored bundle, which is decoded in memory;
//   - [MaxRecipients] age recipients, age's own limit.
//
// Entries are stored or deflated (nothing else), with relative names of
// letters that are also valid file names on Windows: no absolute paths,
// no "..", no backslashes, no names that differ only in case, and none
// but README.txt, manifest.json, manifest.sig and the files the manifest
// lists.
package bundle

import "time"

// Format is the first field of manifest.json. A newer immivault that
// changes what a field means writes another; this one refuses it.
const Format = "immivault-bundle/v1"

// The limits a bundle must keep. MaxFileSize is the notice reader's own
// limit (notice.MaxFileSize), which a test keeps in step.
const (
	MaxEntries      = 10_000
	MaxManifestSize = 16 << 20
	MaxRecords      = 100_000
	MaxFileSize     = 200 << 20
	MaxTotalSize    = 2 << 30
	MaxArmoredSize  = 64 << 20
	MaxRecipients   = 1024
)

// maxZipOverhead bounds what the archive adds to its entries (headers, the
// central directory), and maxAgeOverhead what age adds to the archive (a
// header of up to MaxRecipients post-quantum stanzas, 16 bytes per chunk).
const (
	maxZipOverhead = 64 << 20
	maxAgeOverhead = 64 << 20
)

// MaxClockSkew is how far ahead of the reader's clock a time in a bundle
// may be: its creation, a record's creation and update, a version in a
// record's history. Times are UTC, so time zones do not count; a day
// covers a clock set to the wrong zone (at most 14 hours) and one a few
// hours fast. A time further ahead is a wrong clock or a forged history,
// and a forged future version would stay among a record's shared versions
// (which keep the newest) long after real ones are forgotten.
const MaxClockSkew = 24 * time.Hour

// signatureContext is the Ed25519ph context string of manifest.sig.
const signatureContext = "immivault-bundle/v1 manifest.json"

// now is the clock bundles are dated with; tests pin it.
var now = time.Now
