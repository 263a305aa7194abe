package backup

import _ "immivault/internal/wine"
