import sys

from broker_app.cli.main import main

sys.exit(main())
