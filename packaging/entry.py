"""Entry script of the frozen program (PyInstaller needs a file, not a module path)."""

from sfs_desktop.cli import main

raise SystemExit(main())
