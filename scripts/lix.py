"""Mät LIX för handbokens löpande text.

Användning: ``python scripts/lix.py chapters/01-modellen chapters/03-kommunernas-ansvar``.
Varje argument är en fil (.md eller .ipynb) eller en mapp. Mätningen görs av
``tryggaplatser.lix``; se modulens dokumentation för vad som räknas.
"""

import sys

from tryggaplatser.lix import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
