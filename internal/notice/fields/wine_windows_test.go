package fields

import _ "immivault/internal/wine"
