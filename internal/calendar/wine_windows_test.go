package calendar

import _ "immivault/internal/wine"
