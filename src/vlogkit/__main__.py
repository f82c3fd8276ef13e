from vlogkit.cli import main

raise SystemExit(main())
