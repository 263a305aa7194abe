package contact

import _ "immivault/internal/wine"
