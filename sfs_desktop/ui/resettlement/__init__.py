"""安置帮教 GUI: the page, its tabs and the released person\x27s workspace."""
