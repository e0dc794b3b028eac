"""Harvest minutes from where councils publish them (ModernGov, Legistar) into a folder.

One module per platform (``moderngov``, ``legistar``), a polite HTTP client (``http``), the
state file that makes a harvest incremental (``state``) and the run that ties them (``run``).
"""

from indexer.harvest.http import FetchError, Politeness
from indexer.harvest.legistar import Legistar
from indexer.harvest.moderngov import ModernGov
from indexer.harvest.run import HarvestReport, harvest
from indexer.harvest.source import Failure, HarvestError
from indexer.harvest.state import STATE_NAME

__all__ = [
    "STATE_NAME",
    "Failure",
    "FetchError",
    "HarvestError",
    "HarvestReport",
    "Legistar",
    "ModernGov",
    "Politeness",
    "harvest",
]
