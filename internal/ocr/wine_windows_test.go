package ocr

import _ "immivault/internal/wine"
