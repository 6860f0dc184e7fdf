#!/usr/bin/env python3
"""Run the pipeline from a checkout without installing it: ``python scripts/pipeline.py build``.

tox is the usual front door; this is for a quick look in an existing environment.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from i18n_pipeline.cli import main

if __name__ == "__main__":
    sys.exit(main())
