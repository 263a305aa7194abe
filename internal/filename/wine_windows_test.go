package filename

import _ "immivault/internal/wine"
