package notice

import _ "immivault/internal/wine"
