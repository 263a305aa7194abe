package ids

import _ "immivault/internal/wine"
