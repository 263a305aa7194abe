package main

import _ "immivault/internal/wine"
