"""``python -m ui``: the same as the ``custodia`` command."""

import sys

from ui.cli import main

sys.exit(main())
