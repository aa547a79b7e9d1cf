"""Allow ``python -m lint``."""

from lint.cli import main

raise SystemExit(main())
