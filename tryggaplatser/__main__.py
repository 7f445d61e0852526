"""Gör ``python -m tryggaplatser`` möjligt. Själva kommandona finns i ``kommandorad``."""

import sys

from tryggaplatser.kommandorad import main

if __name__ == "__main__":
    sys.exit(main())
