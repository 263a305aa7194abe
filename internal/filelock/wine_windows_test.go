package filelock

import _ "immivault/internal/wine"
