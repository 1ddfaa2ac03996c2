"""`python -m cnnviz` is the same as the `cnnviz` command."""

import sys

from cnnviz.cli import main

sys.exit(main())
