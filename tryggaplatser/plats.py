"""En plats: en mapp med data och en kort beskrivning (``plats.yml``).

Handbokens analyser gäller alltid en plats. Mellanstad (påhittad) är en
plats bland andra: ``data/mellanstad/``. En användare gör en egen plats av
sina filer med ``python -m tryggaplatser ny-plats``.

Beskrivningen säger det som inte står i datan: platsens namn, vilken roll
varje område har, vilka år datan täcker, när analysen gjordes och när
åtgärderna började. Allt som en notebook skriver om platsen (namn, år,
områden) kommer härifrån eller från datan, aldrig från koden.

En notebook väljer plats i sin parametercell. Miljövariabeln
``TRYGGAPLATSER_PLATS`` (en mapp) går före, så att samma notebook kan köras
på en annan plats utan att ändras.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tryggaplatser._sokvagar import DATAMAPP

BESKRIVNING = "plats.yml"
MILJOVARIABEL = "TRYGGAPLATSER_PLATS"

#: Områdenas roller: koden i datan och vad rollen betyder.
ROLLER = {
    "atgardsomrade": "området där åtgärderna görs",
    "buffertzon": "en ring runt åtgärdsområdet där brott kan flytta eller minska",
    "jamforelseomrade": "ett liknande område utan åtgärder",
    "ovrigt": "resten av studieområdet",
}


class PlatsFel(ValueError):
    """En platsmapp eller dess beskrivning går inte att använda."""


@dataclass(frozen=True)
class Landmarke:
    """En plats att skriva ut på kartor, i SWEREF 99 TM."""

    namn: str
    ost: float
    nord: float


@dataclass(frozen=True)
class Plats:
    """Beskrivningen av en plats, läst från ``plats.yml``.

    Attribut
    --------
    mapp : Path
        Platsens mapp med datafilerna.
    namn : str
        Platsens namn i text, till exempel ``"Mellanstads centrum"``.
    kommun : str
        Kommunens namn.
    syntetisk : bool
        True om datan är påhittad.
    forsta_ar, sista_ar : int
        De år som brottsdatan täcker.
    analysar : int
        Året då nulägesanalysen gjordes.
    atgarder_start, atgarder_klara : datetime.date eller None
        När åtgärderna började och var klara.
    uppfoljningsar : int eller None
        Året då åtgärderna följs upp.
    omraden : dict
        Områdeskod (en av :data:`ROLLER`) till områdets namn i text.
    enkatar : list of int
        Åren då enkäten gjordes.
    enkatomraden : list of str
        Enkätens områden (urvalets strata), i den ordning de ska visas.
    platsens_enkatomrade : str
        Det enkätområde som platsen ligger i.
    landmarken : list of Landmarke
        Platser att skriva ut på kartor.
    """

    mapp: Path
    namn: str
    kommun: str
    syntetisk: bool
    forsta_ar: int
    sista_ar: int
    analysar: int
    atgarder_start: dt.date | None = None
    atgarder_klara: dt.date | None = None
    uppfoljningsar: int | None = None
    omraden: dict[str, str] = field(default_factory=dict)
    enkatar: list[int] = field(default_factory=list)
    enkatomraden: list[str] = field(default_factory=list)
    platsens_enkatomrade: str | None = None
    landmarken: list[Landmarke] = field(default_factory=list)

    @property
    def ar(self) -> list[int]:
        """Alla år som brottsdatan täcker."""
        return list(range(self.forsta_ar, self.sista_ar + 1))

    def fil(self, namn: str) -> Path:
        """Sökvägen till en av platsens datafiler (den behöver inte finnas)."""
        return self.mapp / namn

    def har(self, namn: str) -> bool:
        """True om platsen har datafilen ``namn`` (till exempel ``"flode.csv"``).

        Exempel
        -------
        >>> las_plats().har("brott.csv")
        True
        """
        return self.fil(namn).is_file()


def _fel(fil: Path, nyckel: str, vantat: str, varde: object = None) -> PlatsFel:
    visat = "" if varde is None else f", inte {varde!r}"
    return PlatsFel(f"Platsbeskrivningen {fil}, nyckeln {nyckel}: väntade {vantat}{visat}.")


def _heltal(data: dict, nyckel: str, fil: Path, kravs: bool = True) -> int | None:
    delar = nyckel.split(".")
    varde: object = data
    for d in delar:
        varde = varde.get(d) if isinstance(varde, dict) else None
    if varde is None:
        if kravs:
            raise _fel(fil, nyckel, "ett årtal (till exempel 2023), men nyckeln saknas")
        return None
    if isinstance(varde, bool) or not isinstance(varde, int) or not 1900 <= varde <= 2100:
        raise _fel(fil, nyckel, "ett årtal mellan 1900 och 2100", varde)
    return varde


def _datum(data: dict, nyckel: str, fil: Path) -> dt.date | None:
    varde = (data.get("atgarder") or {}).get(nyckel)
    if varde is None:
        return None
    if isinstance(varde, dt.datetime):
        return varde.date()
    if isinstance(varde, dt.date):
        return varde
    try:
        return dt.date.fromisoformat(str(varde))
    except ValueError:
        raise _fel(fil, f"atgarder.{nyckel}", "ett datum som ÅÅÅÅ-MM-DD", varde) from None


def _textlista(data: dict, nyckel: str, fil: Path) -> list[str]:
    varde = data.get("enkat", {}).get(nyckel, [])
    if not isinstance(varde, list) or not all(isinstance(v, str) and v.strip() for v in varde):
        raise _fel(fil, f"enkat.{nyckel}", "en lista med namn", varde)
    return [v.strip() for v in varde]


def las_beskrivning(mapp: Path) -> Plats:
    """Läs ``plats.yml`` i ``mapp`` och kontrollera den.

    Felen säger vilken fil och vilken nyckel det gäller och vad som väntades.
    """
    fil = mapp / BESKRIVNING
    if not fil.is_file():
        raise PlatsFel(
            f"Mappen {mapp} har ingen platsbeskrivning ({BESKRIVNING}). "
            "Skapa platsen med `python -m tryggaplatser ny-plats`, eller kopiera "
            f"{DATAMAPP / 'mellanstad' / BESKRIVNING} och fyll i den."
        )
    try:
        data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as fel:
        raise PlatsFel(f"Platsbeskrivningen {fil} går inte att läsa som YAML: {fel}") from None
    if not isinstance(data, dict):
        raise PlatsFel(f"Platsbeskrivningen {fil} ska bestå av nycklar och värden (YAML).")

    for nyckel in ("namn", "kommun"):
        if not isinstance(data.get(nyckel), str) or not data[nyckel].strip():
            raise _fel(fil, nyckel, "en text", data.get(nyckel))
    forsta = _heltal(data, "ar.forsta", fil)
    sista = _heltal(data, "ar.sista", fil)
    if sista < forsta:
        raise _fel(fil, "ar.sista", f"ett år som inte är före ar.forsta ({forsta})", sista)
    analysar = _heltal(data, "analysar", fil)
    if not forsta <= analysar <= sista:
        raise _fel(fil, "analysar", f"ett år från {forsta} till {sista}", analysar)

    omraden_in = data.get("omraden") or {}
    if not isinstance(omraden_in, dict):
        raise _fel(fil, "omraden", "områdeskoder med namn", omraden_in)
    okanda = [k for k in omraden_in if k not in ROLLER]
    if okanda:
        raise _fel(fil, "omraden", "bara koderna " + ", ".join(ROLLER), okanda[0])
    omraden = {kod: str(omraden_in[kod]) for kod in ROLLER if kod in omraden_in}

    enkat = data.get("enkat") or {}
    enkatar = enkat.get("ar", [])
    if not isinstance(enkatar, list) or not all(isinstance(a, int) for a in enkatar):
        raise _fel(fil, "enkat.ar", "en lista med årtal", enkatar)
    enkatomraden = _textlista(data, "omraden", fil)
    platsens = enkat.get("platsens_omrade")
    if platsens is not None and platsens not in enkatomraden:
        raise _fel(fil, "enkat.platsens_omrade", "ett av " + ", ".join(enkatomraden), platsens)

    landmarken = []
    for i, lm in enumerate(data.get("landmarken") or [], start=1):
        try:
            landmarken.append(Landmarke(str(lm["namn"]), float(lm["ost"]), float(lm["nord"])))
        except (KeyError, TypeError, ValueError):
            raise _fel(fil, f"landmarken (nummer {i})", "namn, ost och nord", lm) from None

    return Plats(
        mapp=mapp, namn=data["namn"].strip(), kommun=data["kommun"].strip(),
        syntetisk=bool(data.get("syntetisk", False)), forsta_ar=forsta, sista_ar=sista,
        analysar=analysar, atgarder_start=_datum(data, "start", fil),
        atgarder_klara=_datum(data, "klara", fil),
        uppfoljningsar=_heltal(data, "uppfoljningsar", fil, kravs=False), omraden=omraden,
        enkatar=sorted(enkatar), enkatomraden=enkatomraden, platsens_enkatomrade=platsens,
        landmarken=landmarken,
    )


def las_plats(plats: str | Path | Plats | None = None) -> Plats:
    """Läs en plats: en mapp, eller namnet på en av handbokens platser.

    Parametrar
    ----------
    plats : str, Path, Plats eller None
        En mapp med en ``plats.yml``, eller namnet på en av handbokens
        platser (``"mellanstad"``). None betyder Mellanstad.

    Exempel
    -------
    >>> ms = las_plats("mellanstad")
    >>> ms.kommun, ms.forsta_ar <= ms.analysar <= ms.sista_ar
    ('Mellanstad', True)
    >>> las_plats("finns-inte")
    Traceback (most recent call last):
    ...
    tryggaplatser.plats.PlatsFel: Hittar ingen plats som heter finns-inte. ...
    """
    if isinstance(plats, Plats):
        return plats
    valt = str(plats or "mellanstad")
    mapp = Path(valt).expanduser()
    if not mapp.is_dir() and (DATAMAPP / valt).is_dir():
        mapp = DATAMAPP / valt
    if not mapp.is_dir():
        inbyggda = sorted(p.parent.name for p in DATAMAPP.glob(f"*/{BESKRIVNING}"))
        raise PlatsFel(
            f"Hittar ingen plats som heter {valt}. Ange en mapp med en {BESKRIVNING}, "
            f"eller en av handbokens platser: {', '.join(inbyggda)}."
        )
    return las_beskrivning(mapp.resolve())


def valj_plats(standard: str | Path = "mellanstad") -> Plats:
    """Platsen som en notebook ska analysera.

    Miljövariabeln ``TRYGGAPLATSER_PLATS`` (en mapp eller ett platsnamn) går
    före ``standard``. Så kan en test eller en användare köra samma notebook
    på en annan plats utan att ändra den.
    """
    return las_plats(os.environ.get(MILJOVARIABEL) or standard)
