"""``python -m sync.cardservice serve ...``"""

from __future__ import annotations

import sys

from sync.cardservice.cli import main

sys.exit(main())
