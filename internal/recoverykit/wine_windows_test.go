package recoverykit

import _ "immivault/internal/wine"
