package strength

import _ "immivault/internal/wine"
