package passgen

import _ "immivault/internal/wine"
