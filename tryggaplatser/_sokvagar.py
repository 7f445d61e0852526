"""Var handbokens data ligger, oberoende av arbetskatalog."""

from pathlib import Path

ROT = Path(__file__).resolve().parent.parent
DATAMAPP = ROT / "data"
