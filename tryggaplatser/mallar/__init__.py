"""Mallar att ladda ner: en källa i YAML, flera filformat.

Varje mall står i en YAML-fil i den här mappen (till exempel ``atgardsplan.yml``).
Ur den skrivs Markdown (``.md``), kalkylblad (``.xlsx``) och ordbehandlingsdokument
(``.docx``), så att formaten alltid säger samma sak. Handboksbygget lägger filerna
på webbplatsen, och kommandot ``python -m tryggaplatser mallar MAPP`` skriver dem
till en egen mapp.

Formatet för en mall beskrivs i CONTRIBUTING.md (avsnittet *Mallar*).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MALLMAPP = Path(__file__).resolve().parent

FORMAT = ("md", "xlsx", "docx")
TYPER = ("text", "heltal", "decimaltal", "datum")
_NYCKLAR = {"namn", "titel", "format", "inledning", "anvisningar", "avsnitt", "tabeller"}
_AVSNITTSNYCKLAR = {"rubrik", "text", "punkter", "kryssruta"}
_TABELLNYCKLAR = {"namn", "beskrivning", "kolumner", "rader", "exempel"}
_KOLUMNNYCKLAR = {"rubrik", "forklaring", "bredd", "val", "val_fran", "typ"}
#: Antalet tomma rader med listor och kontroller i kalkylbladet, om mallen inte säger annat.
TOMMA_RADER = 20


class MallFel(ValueError):
    """En mallfil som inte följer formatet. Meddelandet säger fil, plats och vad som väntades."""


def mallnamn() -> list[str]:
    """Namnen på handbokens mallar (filnamnen utan ``.yml``), i bokstavsordning."""
    return sorted(p.stem for p in MALLMAPP.glob("*.yml"))


def las_mall(mall: str | Path) -> dict[str, Any]:
    """Läs och kontrollera en mall, med namn (``"atgardsplan"``) eller sökväg till en YAML-fil.

    Ger ``MallFel`` med ett svenskt meddelande om filen inte följer formatet.
    """
    import yaml

    fil = Path(mall) if str(mall).endswith((".yml", ".yaml")) else MALLMAPP / f"{mall}.yml"
    if not fil.exists():
        finns = ", ".join(mallnamn()) or "inga"
        raise MallFel(f"Mallen {fil.name} finns inte. Handbokens mallar: {finns}.")
    try:
        data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    except yaml.YAMLError as fel:
        raise MallFel(f"{fil.name}: filen är inte giltig YAML ({fel}).") from None
    _kontrollera(data, fil.name)
    return data


def _kontrollera(data: Any, fil: str) -> None:
    def fel(var: str, text: str) -> MallFel:
        return MallFel(f"{fil}, {var}: {text}")

    if not isinstance(data, dict):
        raise MallFel(f"{fil}: filen ska innehålla nycklar som namn, titel och format.")
    for nyckel in ("namn", "titel", "format"):
        if not data.get(nyckel):
            raise fel(nyckel, "saknas. Varje mall behöver namn, titel och format.")
    _okanda(data, _NYCKLAR, fel, "mallen")
    if not re.fullmatch(r"[a-z0-9-]+", str(data["namn"])):
        raise fel("namn", "får bara innehålla a–z, 0–9 och bindestreck (det blir ett filnamn).")
    felformat = [f for f in data["format"] if f not in FORMAT]
    if felformat:
        raise fel("format", f"okänt format {', '.join(map(str, felformat))}; välj bland {', '.join(FORMAT)}.")
    for i, avsnitt in enumerate(data.get("avsnitt") or [], start=1):
        if not isinstance(avsnitt, dict) or not avsnitt.get("rubrik"):
            raise fel(f"avsnitt {i}", "varje avsnitt behöver en rubrik.")
        _okanda(avsnitt, _AVSNITTSNYCKLAR, fel, f"avsnitt {i}")
    tabellnamn = [t.get("namn") for t in data.get("tabeller") or [] if isinstance(t, dict)]
    for i, tabell in enumerate(data.get("tabeller") or [], start=1):
        var = f"tabell {i}"
        if not isinstance(tabell, dict) or not tabell.get("namn") or not tabell.get("kolumner"):
            raise fel(var, "varje tabell behöver namn och kolumner.")
        _okanda(tabell, _TABELLNYCKLAR, fel, var)
        if len(tabell["namn"]) > 31 or re.search(r"[\[\]:*?/\\]", tabell["namn"]):
            raise fel(var, "namnet blir ett bladnamn i Excel: högst 31 tecken och inga [ ] : * ? / \\.")
        for j, kolumn in enumerate(tabell["kolumner"], start=1):
            kvar = f"{var}, kolumn {j}"
            if not isinstance(kolumn, dict) or not kolumn.get("rubrik"):
                raise fel(kvar, "varje kolumn behöver en rubrik.")
            _okanda(kolumn, _KOLUMNNYCKLAR, fel, kvar)
            if kolumn.get("typ", "text") not in TYPER:
                raise fel(kvar, f"typen ska vara en av {', '.join(TYPER)}.")
            if len(",".join(map(str, kolumn.get("val") or []))) > 255:
                raise fel(kvar, "listan är för lång för en rullgardinslista i Excel (högst 255 tecken).")
            if kolumn.get("val_fran") and kolumn["val_fran"] not in tabellnamn:
                raise fel(kvar, f"val_fran pekar på tabellen {kolumn['val_fran']}, som inte finns i mallen.")
        for j, rad in enumerate(tabell.get("exempel") or [], start=1):
            if len(rad) != len(tabell["kolumner"]):
                raise fel(f"{var}, exempelrad {j}",
                          f"har {len(rad)} värden men tabellen har {len(tabell['kolumner'])} kolumner.")


def _okanda(del_: dict, tillatna: set[str], fel, var: str) -> None:  # type: ignore[no-untyped-def]
    okanda = sorted(set(del_) - tillatna)
    if okanda:
        raise fel(var, f"okänd nyckel {', '.join(okanda)}; tillåtna är {', '.join(sorted(tillatna))}.")


def skriv_mall(mall: str | Path, mapp: str | Path) -> list[Path]:
    """Skriv mallen i alla dess format till ``mapp``. Ger de skrivna filerna."""
    from tryggaplatser.mallar import skrivare

    data = las_mall(mall)
    mapp = Path(mapp)
    mapp.mkdir(parents=True, exist_ok=True)
    skrivna = []
    for format_ in data["format"]:
        fil = mapp / f"{data['namn']}.{format_}"
        getattr(skrivare, f"skriv_{format_}")(data, fil)
        skrivna.append(fil)
    return skrivna


def skriv_alla(mapp: str | Path) -> list[Path]:
    """Skriv alla handbokens mallar till ``mapp``."""
    return [fil for namn in mallnamn() for fil in skriv_mall(namn, mapp)]


def lagg_till_kommando(under) -> None:  # type: ignore[no-untyped-def]
    """Lägg till kommandot ``mallar`` bland kommandoradens underkommandon."""
    from tryggaplatser.kommandorad import underkommando

    k = underkommando(
        under,
        "mallar",
        "skriv handbokens mallar (åtgärdsplan med flera) till en mapp",
        "Skriver varje mall i sina format: Markdown (.md) att läsa och redigera, "
        "kalkylblad (.xlsx) med rullgardinslistor och ett blad med anvisningar, och "
        "ordbehandlingsdokument (.docx). Samma mallar finns att ladda ner i handboken.",
    )
    k.add_argument("mapp", metavar="MAPP", help="mappen som mallarna skrivs till (skapas om den saknas)")
    k.add_argument("--mall", metavar="NAMN", action="append", choices=mallnamn(),
                   help="skriv bara den här mallen (" + ", ".join(mallnamn()) + "); kan anges flera gånger")
    k.set_defaults(kor=kor_kommando)


def kor_kommando(args) -> int:  # type: ignore[no-untyped-def]
    try:
        Path(args.mapp).mkdir(parents=True, exist_ok=True)
        skrivna = [f for namn in (args.mall or mallnamn()) for f in skriv_mall(namn, args.mapp)]
    except (MallFel, OSError) as fel:
        print(f"Mallarna kunde inte skrivas: {fel}")
        return 2
    for fil in skrivna:
        print(f"Skrev {fil}")
    return 0
