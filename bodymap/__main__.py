"""Allow ``python -m bodymap``."""

from bodymap.cli import main

raise SystemExit(main())
