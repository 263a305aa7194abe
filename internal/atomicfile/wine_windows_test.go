package atomicfile

import _ "immivault/internal/wine"
