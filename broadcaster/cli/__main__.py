"""`python -m broadcaster.cli`."""

import sys

from broadcaster.cli.entry import main

sys.exit(main())
