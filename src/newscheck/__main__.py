"""``python -m newscheck``: the same as the ``newscheck`` command."""

import sys

from .cli import main

sys.exit(main())
