package travelhistory

import _ "immivault/internal/wine"
