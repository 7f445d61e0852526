"""Kommandoraden: ``python -m tryggaplatser kontrollera FIL --typ brott``.

Kommandot ``ny-plats`` gör en plats av egna filer (se :mod:`tryggaplatser.ny_plats`).

Kommandot ``kontrollera`` läser en egen fil på samma sätt som
inläsningsfunktionerna gör och skriver på svenska vad det hittade.
Det avslutar med kod 0 om filen går att använda och kod 2 om den inte gör det.
Det skriver aldrig ut en Python-traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

SLUTKOD_OK = 0
SLUTKOD_FILFEL = 2
SLUTKOD_INTERNT_FEL = 3

#: Modulerna med fler underkommandon. Var och en har ``lagg_till_kommando(under)``, som
#: lägger till kommandot och sätter ``kor`` (funktionen som kör det) med ``set_defaults``.
#: Modulerna importerar tunga bibliotek först när kommandot körs, så att hjälpen går fort.
_KOMMANDOMODULER = (
    "tryggaplatser.ny_plats",  # ny-plats: gör en plats av egna filer
    "tryggaplatser.mallar",  # mallar: åtgärdsplan med flera att fylla i
    "tryggaplatser.lagesbild",  # lagesbild: en rapport om platsen (HTML, PDF, diagram, tabeller)
)

_TYPER = {
    "enkat": "enkätsvar (till exempel en export från en enkätleverantör)",
    "brott": "brott eller händelser (till exempel ett utdrag ur polisens register)",
    "flode": "flödesmätningar (antal passerande per tidsperiod)",
}


class _SvenskFormaterare(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _SvenskParser(argparse.ArgumentParser):
    """argparse med svenska felmeddelanden och slutkod 2 utan traceback."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _SvenskFormaterare)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        oversatt = (
            message.replace("the following arguments are required", "de här argumenten saknas")
            .replace("invalid choice", "ogiltigt val")
            .replace("choose from", "välj bland")
            .replace("unrecognized arguments", "okända argument")
            .replace("expected one argument", "väntade ett värde")
        )
        self.exit(SLUTKOD_FILFEL, f"{self.prog}: fel: {oversatt}\n")


def underkommando(under, namn: str, hjalp: str, beskrivning: str) -> argparse.ArgumentParser:
    """Ett underkommando med svenska rubriker och ``-h``/``--hjalp``."""
    k = under.add_parser(namn, help=hjalp, description=beskrivning, add_help=False)
    k._positionals.title = "argument"
    k._optionals.title = "val"
    k.add_argument("-h", "--hjalp", "--help", action="help", help="visa den här hjälpen")
    return k


def _skapa_parser() -> argparse.ArgumentParser:
    parser = _SvenskParser(
        prog="python -m tryggaplatser",
        description="Verktyg till handboken Trygga platser.",
        add_help=False,
    )
    parser.add_argument("-h", "--hjalp", "--help", action="help", help="visa den här hjälpen")
    parser._positionals.title = "kommandon"
    parser._optionals.title = "val"
    under = parser.add_subparsers(dest="kommando", metavar="KOMMANDO", parser_class=_SvenskParser)
    k = underkommando(
        under,
        "kontrollera",
        "kontrollera en egen fil (CSV eller .xlsx) innan du använder den",
        "Läser filen på samma sätt som handbokens inläsningsfunktioner och berättar "
        "hur många rader som går att använda, vilka rader som lämnas utanför och "
        "varför, och vilka kolumner som känns igen. Radnumren räknas som i filen; "
        "titel- och anteckningsrader ovanför rubrikraden hoppas över och redovisas.",
    )
    k.add_argument("fil", metavar="FIL", help="filen som ska kontrolleras (.csv eller .xlsx)")
    k.add_argument(
        "--typ",
        required=True,
        choices=sorted(_TYPER),
        help="vad filen innehåller: " + "; ".join(f"{namn} = {text}" for namn, text in _TYPER.items()),
    )
    k.add_argument(
        "--koordinatsystem",
        metavar="EPSG:NNNN",
        help="koordinaternas system om filen inte säger det själv, till exempel EPSG:3011 "
        "(SWEREF 99 18 00); bara för --typ brott",
    )
    k.add_argument(
        "--svarskolumn",
        metavar="KOLUMN=SKALA",
        action="append",
        help="hur svaren i en kolumn ska läsas, till exempel \"Trygg kväll=trygghet\" "
        "(koden är platsen i handbokens skala) eller \"Trygg kväll=1=Mycket otrygg, 4=Mycket trygg\"; "
        "kan anges flera gånger; bara för --typ enkat",
    )
    for modul in _KOMMANDOMODULER:
        importlib.import_module(modul).lagg_till_kommando(under)
    return parser


def kontrollera(
    fil: str,
    typ: str,
    koordinatsystem: str | None = None,
    svarskolumner: Sequence[str] | None = None,
) -> int:
    """Kontrollera en egen fil och skriv resultatet på svenska.

    Parametrar
    ----------
    fil : str
        Sökväg till filen.
    typ : {"enkat", "brott", "flode"}
        Vilken sorts fil det är.
    koordinatsystem : str, valfri
        Koordinatsystemet för en brottsfil, till exempel ``"EPSG:3011"``.
    svarskolumner : list of str, valfri
        För en enkätfil: ``"KOLUMN=SKALA"``, till exempel ``"Trygg kväll=trygghet"``.

    Returnerar
    ----------
    int
        0 om filen går att använda, 2 om den inte gör det.

    Exempel
    -------
    >>> import pathlib, tempfile
    >>> mapp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (mapp / "tom.csv").write_text("")
    >>> _ = (mapp / "brott.csv").write_text("Datum;Brottstyp\\n2024-03-05 22:15;Rån\\n")
    >>> kontrollera(str(mapp / "brott.csv"), "brott")  # doctest: +ELLIPSIS
    Filen kontrollerades som brott eller händelser ...
    Rader lästa (utan rubrikraden): 1
    Användbara rader: 1
    Utelämnade rader: 0
    ...
    0
    >>> kontrollera(str(mapp / "tom.csv"), "brott")  # felet skrivs till stderr
    2
    """
    from tryggaplatser.egna_filer import (
        FilFel,
        las_egen_enkat,
        las_eget_flode,
        las_egna_brott,
    )

    extra: dict[str, object] = {}
    if koordinatsystem is not None:
        if typ != "brott":
            print("Valet --koordinatsystem gäller bara --typ brott.", file=sys.stderr)
            return SLUTKOD_FILFEL
        extra["koordinatsystem"] = koordinatsystem
    if svarskolumner:
        if typ != "enkat":
            print("Valet --svarskolumn gäller bara --typ enkat.", file=sys.stderr)
            return SLUTKOD_FILFEL
        par = [s.partition("=") for s in svarskolumner]
        if any(not namn.strip() or not skala.strip() for namn, _, skala in par):
            print('Valet --svarskolumn ska skrivas KOLUMN=SKALA, till exempel "Trygg kväll=trygghet".',
                  file=sys.stderr)  # fmt: skip
            return SLUTKOD_FILFEL
        extra["svarskolumner"] = {namn.strip(): skala.strip() for namn, _, skala in par}
    lasare = {"enkat": las_egen_enkat, "brott": las_egna_brott, "flode": las_eget_flode}[typ]
    try:
        _, rapport = lasare(fil, **extra)
    except FilFel as fel:
        print("Filen kan inte användas.", file=sys.stderr)
        print(fel, file=sys.stderr)
        return SLUTKOD_FILFEL
    print(f"Filen kontrollerades som {_TYPER[typ]}.")
    print(rapport.text())
    return SLUTKOD_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Kör kommandoraden. Fångar alla fel så att ingen traceback visas."""
    for strom in (sys.stdout, sys.stderr):
        try:
            strom.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    parser = _skapa_parser()
    try:
        args = parser.parse_args(argv)
        if args.kommando is None:
            parser.print_help()
            return SLUTKOD_FILFEL
        if hasattr(args, "kor"):
            return args.kor(args)
        return kontrollera(args.fil, args.typ, args.koordinatsystem, args.svarskolumn)
    except SystemExit as slut:
        if slut.code is None:
            return SLUTKOD_OK
        return int(slut.code) if isinstance(slut.code, int) else SLUTKOD_FILFEL
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Utskriften skickades till ett program som slutade läsa (till exempel head).
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return SLUTKOD_OK
    except BaseException as fel:  # noqa: BLE001 - användaren ska aldrig se en traceback
        print(
            "Ett oväntat fel uppstod när filen lästes. Filen kan inte användas som den är.\n"
            f"Tekniskt: {type(fel).__name__}: {fel}\n"
            "Spara filen som CSV (semikolon, UTF-8) eller .xlsx och försök igen, "
            "eller rapportera felet till handbokens förvaltare.",
            file=sys.stderr,
        )
        return SLUTKOD_INTERNT_FEL


if __name__ == "__main__":
    sys.exit(main())
