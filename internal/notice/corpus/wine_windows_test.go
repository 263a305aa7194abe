package corpus

import _ "immivault/internal/wine"
