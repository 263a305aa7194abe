package datetext

import _ "immivault/internal/wine"
