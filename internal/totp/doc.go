// Package totp makes the six-to-eight-digit codes of 2-step verification
// (RFC 6238 TOTP over RFC 4226 HOTP), for the portals a family signs in
// to: the USCIS online account, CEAC, the I-94 website.
//
// A [Key] is read from an otpauth:// URI, as the QR code a site shows
// holds it, or from the bare base32 secret a site shows beside it
// ([Parse]); from a QR code in an image file or a screenshot
// ([DecodeQR]); and written back as a URI ([Key.WithURI]) or a QR code
// ([Key.QRPNG]), to move it to a phone.
//
// # Secrecy
//
// The shared key is only ever in a secret.Secret. Parsing decodes it in
// scratch buffers that are wiped; a code is computed inside Secret.Use
// with an HMAC whose padded keys live in a scratch buffer that is wiped,
// and the hash states are reset after. Two copies cannot be avoided and
// are said where they happen: a QR library's text is a Go string (reading
// and drawing a QR code), and a code is returned as a string, since it is
// shown and expires within a minute anyway.
//
// # Limits
//
// Only TOTP: a counter-based (hotp) URI is refused, since nothing in a
// family's portals uses it and keeping a counter in step needs a save per
// code. Algorithms SHA1, SHA256 and SHA512; 6, 7 or 8 digits; periods of
// 30 or 60 seconds; keys of 10 to 128 bytes. An image is at most
// MaxImagePixels and MaxImageSize, checked from its header before its
// pixels are decoded.
package totp
