package naturalization

import _ "immivault/internal/wine"
