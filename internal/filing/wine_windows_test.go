package filing

import _ "immivault/internal/wine"
