"""Snabbare bygge: pybtex letar inte igenom alla installerade paket för varje källhänvisning.

sphinxcontrib-bibtex frågar pybtex efter ett insticksprogram (``find_plugin``) för varje
källhänvisning den löser upp, och pybtex frågar då ``importlib.metadata.entry_points``,
som läser metadata för alla installerade paket varje gång. Med några hundra hänvisningar
var det den största enskilda kostnaden i bygget (se CONTRIBUTING.md, "Prestanda").

Svaret ändras inte under ett bygge, så det sparas. Insticksprogram som registreras
medan bygget körs (``pybtex.plugin.register_plugin``, som book/_ext/kallstil.py använder)
hittas som förut: pybtex letar bland dem först, innan det frågar ``entry_points``.
"""

from __future__ import annotations

import functools
from importlib.metadata import EntryPoints, entry_points

import pybtex.plugin
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


@functools.cache
def sparade_entry_points(**urval: str) -> EntryPoints:
    """``importlib.metadata.entry_points(**urval)``, en gång per urval."""
    return entry_points(**urval)


def setup(app: Sphinx) -> dict:
    if getattr(pybtex.plugin, "entry_points", None) is None:
        logger.warning("pybtex.plugin använder inte entry_points längre; snabbt_bygge gör ingenting.",
                       type="snabbt_bygge")
    else:
        pybtex.plugin.entry_points = sparade_entry_points
    return {"parallel_read_safe": True, "parallel_write_safe": True}
