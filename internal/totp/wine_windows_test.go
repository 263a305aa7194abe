package totp

import _ "immivault/internal/wine"
