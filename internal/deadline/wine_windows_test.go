package deadline

import _ "immivault/internal/wine"
