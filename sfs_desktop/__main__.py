from sfs_desktop.cli import main

raise SystemExit(main())
