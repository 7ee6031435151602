"""`python -m cnn_desktop` is the same as the `cnn-desktop` command."""

import sys

from cnn_desktop.cli import main

sys.exit(main())
