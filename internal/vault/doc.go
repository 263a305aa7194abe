// Package vault is where a family's records live: people, their identifiers, cases, notices and
// dated events, and the notice files themselves, kept in a directory of age files that
// docs/format.md specifies precisely enough to read without this package.
//
// [Create] makes a vault and returns the recovery key to show once; [Open] unlocks one with its
// passphrase and [Recover] with its recovery key. Records are read from [Vault.Index] and
// changed only through [Vault.Update]; notice files are stored with [Vault.AddBlob] and read
// back with [Vault.OpenBlob]. Every file is a standard age file: with the recovery key, the
// stock age CLI reads all of it.
//
// # Saves are atomic
//
// Every file is replaced by writing a temporary file in the vault directory, flushing it and
// renaming it over the old one (package atomicfile). A save writes its new blobs first, under
// new random names that are never reused or overwritten, and index.age last: the rename of
// index.age is the commit point. A crash or power cut at any instant leaves the old index or
// the new one, never a mix and never neither. A blob that no index came to name is removed by
// [Vault.CollectGarbage] once it is an hour old. The previous five versions of the index are
// kept beside it (index.age.1 to .5).
//
// # One writer, any number of readers
//
// Writers take turns through the sidecar file "lock" (package filelock), held only while
// writing. [Vault.Update] takes it, re-reads index.age if another process saved since this one
// last looked, applies its change to the newest records and commits; so the app and the CLI,
// or two CLI commands, can work on one vault at once without losing each other's changes. A
// writer that waits longer than [Options].LockTimeout (5 s by default) fails with an error that
// names the pid of the process holding the lock. Readers take no lock: every file they read is
// replaced only by rename. The data files themselves are never locked, since Windows locks are
// mandatory and would block readers.
//
// # What is stored in the clear
//
// The format file, "immivault-vault/v2", is the one file in plaintext. The contents of every
// other file are encrypted, but the directory itself shows:
//
//   - the names of the files: fixed names, and blob names that are random and say nothing;
//   - their sizes: a blob is padded (Padmé) so that its size reveals only about log log of the
//     notice's length, but the number of blobs, the rough size of each and the size of the
//     index are visible, and so how many notices the vault holds;
//   - their modification times, and so when the vault was last saved;
//   - how many earlier versions of the index are kept, and whether a key change is under way;
//   - in "lock", the pid of the last process that wrote.
//
// # Authentication
//
// age encryption does not say who wrote a file, and the vault's recipient is public: it is on the
// owner's contact card. So every index file ends with an HMAC-SHA256 under a key derived (HKDF)
// from the vault identity, which only someone who can unlock the vault holds, and an index file
// without it or with a wrong one is refused as damaged. The index vouches for the rest: every blob
// by its SHA-256, checked as the blob is read (read the stream [Vault.OpenBlob] returns to its
// end), recovery.age by its SHA-256 and signing.age by its public key. A file planted by someone
// who can write to the folder but not unlock the vault is therefore refused. Not detected: a
// rollback to older files that the owner wrote, each of which checks. See
// docs/adr/0010-authenticated-vault-and-key-change.md.
//
// # What a damaged file costs
//
// A file that fails to decrypt, to authenticate or to parse is reported as a [*DamagedError]
// that names it, and costs no more than what it holds:
//
//   - index.age: opening falls back to the newest earlier version that opens and says so in
//     [Vault.Warnings]; the changes made after that version are lost, and the next save writes
//     a good index.age again.
//   - a blob: that notice's file alone; the rest of the vault opens and works.
//   - identity.age: the passphrase no longer opens the vault, and scrypt cannot tell that from a
//     wrong passphrase ([ErrWrongPassphrase]). recovery.age is a separate copy of the identity:
//     [Recover] opens the vault with the recovery key and gives it a new key.
//   - recovery.age or signing.age: the vault opens and [Vault.Verify] names the file. A
//     signing.age that does not match the key the index names, or is missing while the index
//     names one, is refused; it is never replaced by a new key.
//
// Nothing is removed while damage is present. [Vault.CollectGarbage], [Vault.DiscardBlob] and
// [Vault.PurgeHistory] refuse while opening had to work around damage, while a kept version of
// the index does not open, or while a key change is incomplete: any of those may be the only
// index that still names a notice. [Vault.Verify] decrypts and checks every file.
//
// # Changing the key
//
// [Vault.ChangeKey], which [Recover] ends with, gives the vault a new identity, a new
// passphrase and a new recovery key, and re-encrypts everything to them. The new files are
// written beside the old ones, and renaming their staging folder to key-change/ is the commit
// point: a crash leaves a vault that opens with the old passphrase or with the new one, never
// neither, and the next open with the new passphrase completes the change. Afterwards an old
// copy of identity.age (a backup, a sync service's history) with the old passphrase, or the old
// recovery key, opens nothing saved since; the earlier versions of the index are removed, not
// re-encrypted. What such an old copy held when it was made stays readable to whoever has it
// and its passphrase.
//
// # Secrets
//
// The vault identity, the keys derived from it, the signing key, every identifier value and every
// secret of a [Login] (password, 2-step secret, backup codes, answers) are held in
// [secret.Secret]s. The decrypted index is read into one buffer that is wiped once
// parsed; age takes keys as Go strings, so each unlock and each read leaves copies in ordinary
// memory until the garbage collector reuses it (docs/adr/0002-secrets-in-memory.md). Notice
// files are decrypted into ordinary memory by whoever reads them. [Vault.Close] drops the keys
// and records; call secret.Purge after it.
package vault
