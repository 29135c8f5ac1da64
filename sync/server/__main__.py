"""``python -m sync.server COMMAND``: run the channel server or administer it."""

import sys

from sync.server.cli import main

sys.exit(main())
