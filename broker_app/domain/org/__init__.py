"""The org-unit tree of 邹城市: division codes, units, search, village names, places."""
