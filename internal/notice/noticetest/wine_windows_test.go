package noticetest

import _ "immivault/internal/wine"
