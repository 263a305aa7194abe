package vaultdir

import _ "immivault/internal/wine"
