package bundle

import "crypto/sha256"

// readme is README.txt, the same in every bundle.
const readme = `This is an immivault bundle: immigration records and notices that a family
member shared with you. It is a zip archive, encrypted with age
(https://age-encryption.org) and signed by the person who made it.

To import it into your vault, use immivault: "Import" in the app, or
    immivault-cli import BUNDLE-FILE
which checks the signature against your family list, shows what would change,
and changes nothing until you agree.

To read it without immivault, you need the age tool, version 1.3 or newer, and
any unzip tool:

  - If it was made for a passphrase, run
        age -d bundle.age > bundle.zip
    and type the passphrase. Then unzip bundle.zip.

  - If it was made for you as an immivault user, your vault's key opens it.
    Save your recovery key alone in key.txt, then
        age -d -i key.txt VAULT/recovery.age > identity.txt
        age -d -i identity.txt bundle.age > bundle.zip && unzip bundle.zip
    (VAULT is your vault's folder). Delete identity.txt and bundle.zip when
    you are done: they are not encrypted.

  - A bundle made for mail starts with "-----BEGIN AGE ENCRYPTED FILE-----";
    age reads it the same way.

Inside:
  notices/        the notices, one folder per person
  manifest.json   every record (names, numbers, cases, dates) as JSON, and
                  the size and SHA-256 of every other file
  manifest.sig    the sender's signature of manifest.json (Ed25519ph, RFC 8032,
                  context "immivault-bundle/v1 manifest.json"), which checks
                  against the signing key on the sender's card in the manifest

The numbers in manifest.json are not masked: keep this archive as safe as the
documents themselves.
`

var readmeSHA256 = func() string {
	sum := sha256.Sum256([]byte(readme))
	return hexHash(sum[:])
}()
