package vault

import _ "immivault/internal/wine"
