"""annotator: Arabic-first span annotation of news articles (entities and claims)."""

from pathlib import Path

__version__ = "0.1.0"

# resources/ and seeds/ live beside the package in the checkout (editable install)
# and are bundled at the same relative place by packaging/.
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SEEDS = ROOT / "seeds"
