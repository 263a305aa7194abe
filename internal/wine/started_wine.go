//go:build windows && wine

package wine

import "os"

// Wine now and then fails to start a program at all (an "Internal error"
// from process creation, or a server that is just shutting down): the
// program's exit status is then Wine's, and nothing tells it from a test
// that failed. So testing/wine/exec names a file in IMMIVAULT_WINE_STARTED,
// this writes it as soon as the test binary runs, and the wrapper starts
// the binary again only when the file is not there.
func init() {
	if path := os.Getenv("IMMIVAULT_WINE_STARTED"); path != "" {
		_ = os.WriteFile(path, nil, 0o600)
	}
}
