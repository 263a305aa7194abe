package noticeview

import (
	"os"
	"testing"

	"immivault/internal/ui/translations"
)

func TestMain(m *testing.M) {
	translations.Use("en") // the tests read the English strings
	os.Exit(m.Run())
}
