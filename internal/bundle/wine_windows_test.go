package bundle

import _ "immivault/internal/wine"
