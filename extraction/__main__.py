"""``python -m extraction``: see ``cli``."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
