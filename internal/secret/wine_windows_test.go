package secret

import _ "immivault/internal/wine"
