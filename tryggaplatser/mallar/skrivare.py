"""Skriv en mall (se :mod:`tryggaplatser.mallar`) som Markdown, kalkylblad eller dokument.

Alla tre formaten bygger på samma uppgifter i samma ordning: titel, inledning,
anvisningar, avsnitt och tabeller. I kalkylbladet hamnar tabellerna först, en per
blad, och text och anvisningar på bladet *Anvisningar*.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tryggaplatser.mallar import TOMMA_RADER

ANVISNINGSBLAD = "Anvisningar"
_FET = re.compile(r"\*\*(.+?)\*\*")


def stycken(text: str | None) -> list[str]:
    """Dela en text i stycken vid tomma rader; radbrytningar inom ett stycke blir mellanslag.

    >>> stycken("En rad\\noch en till.\\n\\nNytt stycke.")
    ['En rad och en till.', 'Nytt stycke.']
    """
    return [" ".join(s.split()) for s in re.split(r"\n\s*\n", text or "") if s.strip()]


def utan_markering(text: str) -> str:
    """Texten utan Markdowns fetstil, för format som inte har den.

    >>> utan_markering("Skriv **en** rad.")
    'Skriv en rad.'
    """
    return _FET.sub(r"\1", text)


def kolumnforklaring(kolumn: dict[str, Any]) -> str:
    """Förklaringen till en kolumn, med de tillåtna värdena om kolumnen har en lista.

    >>> kolumnforklaring({"rubrik": "Status", "forklaring": "Läget.", "val": ["Planerad", "Klar"]})
    'Läget. Välj bland: Planerad, Klar.'
    """
    delar = [kolumn.get("forklaring", "").strip()]
    if kolumn.get("val"):
        delar.append("Välj bland: " + ", ".join(map(str, kolumn["val"])) + ".")
    elif kolumn.get("val_fran"):
        delar.append(f"Välj bland namnen i tabellen {kolumn['val_fran']}.")
    return " ".join(d for d in delar if d)


# --- Markdown ---------------------------------------------------------------

def skriv_md(mall: dict[str, Any], fil: Path) -> None:
    rader = [f"# {mall['titel']}", ""]
    for stycke in stycken(mall.get("inledning")):
        rader += [stycke, ""]
    if mall.get("anvisningar"):
        rader += ["## Så fyller du i mallen", ""]
        rader += [f"- {a}" for a in mall["anvisningar"]] + [""]
    for avsnitt in mall.get("avsnitt") or []:
        rader += [f"## {avsnitt['rubrik']}", ""]
        for stycke in stycken(avsnitt.get("text")):
            rader += [stycke, ""]
        if avsnitt.get("punkter"):
            markor = "- [ ] " if avsnitt.get("kryssruta") else "- "
            rader += [markor + p for p in avsnitt["punkter"]] + [""]
    for tabell in mall.get("tabeller") or []:
        rubriker = [k["rubrik"] for k in tabell["kolumner"]]
        rader += [f"## {tabell['namn']}", ""]
        for stycke in stycken(tabell.get("beskrivning")):
            rader += [stycke, ""]
        rader += ["| " + " | ".join(rubriker) + " |", "|" + "---|" * len(rubriker)]
        for exempel in tabell.get("exempel") or []:
            rader.append("| " + " | ".join(_cell_md(v) for v in exempel) + " |")
        rader += ["|" + "   |" * len(rubriker)] * 3 + [""]
        rader += ["Kolumnerna:", ""]
        rader += [f"- **{k['rubrik']}**: {kolumnforklaring(k)}" for k in tabell["kolumner"]] + [""]
    fil.write_text("\n".join(rader).rstrip() + "\n", encoding="utf-8")


def _cell_md(varde: Any) -> str:
    return str(varde).replace("|", "\\|")


# --- Kalkylblad -------------------------------------------------------------

def skriv_xlsx(mall: dict[str, Any], fil: Path) -> None:
    bok = Workbook()
    bok.remove(bok.active)
    rubrikstil = Font(bold=True)
    rubrikfyllning = PatternFill("solid", fgColor="DDE6F0")
    exempelstil = Font(italic=True, color="595959")
    for tabell in mall.get("tabeller") or []:
        blad = bok.create_sheet(tabell["namn"])
        antal_rader = 1 + len(tabell.get("exempel") or []) + int(tabell.get("rader", TOMMA_RADER))
        for nr, kolumn in enumerate(tabell["kolumner"], start=1):
            cell = blad.cell(row=1, column=nr, value=kolumn["rubrik"])
            cell.font, cell.fill = rubrikstil, rubrikfyllning
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if kolumnforklaring(kolumn):
                cell.comment = Comment(kolumnforklaring(kolumn), "Handboken Trygga platser")
            bokstav = get_column_letter(nr)
            blad.column_dimensions[bokstav].width = kolumn.get("bredd", 18)
            omrade = f"{bokstav}2:{bokstav}{antal_rader}"
            kontroll = _kontroll(kolumn)
            if kontroll is not None:
                kontroll.add(omrade)
                blad.add_data_validation(kontroll)
        for radnr, exempel in enumerate(tabell.get("exempel") or [], start=2):
            for nr, varde in enumerate(exempel, start=1):
                blad.cell(row=radnr, column=nr, value=varde).font = exempelstil
        blad.freeze_panes = "A2"
    _anvisningsblad(bok.create_sheet(ANVISNINGSBLAD), mall)
    bok.properties.title = mall["titel"]
    bok.properties.language = "sv-SE"
    bok.save(fil)


def _kontroll(kolumn: dict[str, Any]) -> DataValidation | None:
    """Rullgardinslista eller talkontroll för en kolumn, med svenska felmeddelanden."""
    if kolumn.get("val"):
        lista = ",".join(map(str, kolumn["val"]))
        kontroll = DataValidation(type="list", formula1=f'"{lista}"')
    elif kolumn.get("val_fran"):
        kontroll = DataValidation(type="list", formula1=f"='{kolumn['val_fran']}'!$A$2:$A$200")
    elif kolumn.get("typ") == "heltal":
        kontroll = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    elif kolumn.get("typ") == "decimaltal":
        kontroll = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    elif kolumn.get("typ") == "datum":
        kontroll = DataValidation(type="date", operator="greaterThan", formula1="1")
    else:
        return None
    kontroll.allow_blank = True
    kontroll.errorTitle = "Värdet passar inte"
    kontroll.error = kolumnforklaring(kolumn) or "Värdet passar inte i kolumnen."
    kontroll.showErrorMessage = True
    return kontroll


def _anvisningsblad(blad, mall: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    blad.column_dimensions["A"].width = 100
    rad = 1

    def skriv(text: str, fet: bool = False, storre: bool = False) -> None:
        nonlocal rad
        cell = blad.cell(row=rad, column=1, value=utan_markering(text))
        cell.font = Font(bold=fet or storre, size=14 if storre else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        rad += 1

    skriv(mall["titel"], storre=True)
    for stycke in stycken(mall.get("inledning")):
        skriv(stycke)
    if mall.get("anvisningar"):
        rad += 1
        skriv("Så fyller du i mallen", fet=True)
        for anvisning in mall["anvisningar"]:
            skriv(f"• {anvisning}")
    for tabell in mall.get("tabeller") or []:
        rad += 1
        skriv(f"Bladet {tabell['namn']}", fet=True)
        for stycke in stycken(tabell.get("beskrivning")):
            skriv(stycke)
        for kolumn in tabell["kolumner"]:
            skriv(f"{kolumn['rubrik']}: {kolumnforklaring(kolumn)}")
    for avsnitt in mall.get("avsnitt") or []:
        rad += 1
        skriv(avsnitt["rubrik"], fet=True)
        for stycke in stycken(avsnitt.get("text")):
            skriv(stycke)
        for punkt in avsnitt.get("punkter") or []:
            skriv(("☐ " if avsnitt.get("kryssruta") else "• ") + punkt)


# --- Dokument ---------------------------------------------------------------

def skriv_docx(mall: dict[str, Any], fil: Path) -> None:
    dok = Document()
    # Svenska som dokumentets språk: stavningskontroll och skärmläsare läser rätt.
    stil = dok.styles["Normal"].element.get_or_add_rPr()
    sprak = stil.find(qn("w:lang"))
    if sprak is None:
        sprak = stil.makeelement(qn("w:lang"), {})
        stil.append(sprak)
    sprak.set(qn("w:val"), "sv-SE")
    dok.core_properties.title = mall["titel"]
    dok.core_properties.language = "sv-SE"
    dok.add_heading(mall["titel"], level=0)
    for stycke in stycken(mall.get("inledning")):
        _stycke_docx(dok.add_paragraph(), stycke)
    if mall.get("anvisningar"):
        dok.add_heading("Så fyller du i mallen", level=1)
        for anvisning in mall["anvisningar"]:
            _stycke_docx(dok.add_paragraph(style="List Bullet"), anvisning)
    for avsnitt in mall.get("avsnitt") or []:
        dok.add_heading(avsnitt["rubrik"], level=1)
        for stycke in stycken(avsnitt.get("text")):
            _stycke_docx(dok.add_paragraph(), stycke)
        for punkt in avsnitt.get("punkter") or []:
            if avsnitt.get("kryssruta"):
                _stycke_docx(dok.add_paragraph(), "☐ " + punkt)
            else:
                _stycke_docx(dok.add_paragraph(style="List Bullet"), punkt)
    for tabell in mall.get("tabeller") or []:
        dok.add_heading(tabell["namn"], level=1)
        for stycke in stycken(tabell.get("beskrivning")):
            _stycke_docx(dok.add_paragraph(), stycke)
        exempel = tabell.get("exempel") or []
        kolumner = tabell["kolumner"]
        tab = dok.add_table(rows=1 + len(exempel) + 3, cols=len(kolumner))
        tab.style = "Table Grid"
        for nr, kolumn in enumerate(kolumner):
            cell = tab.rows[0].cells[nr]
            cell.text = ""
            cell.paragraphs[0].add_run(kolumn["rubrik"]).bold = True
        _rubrikrad_upprepas(tab.rows[0])
        for radnr, rad in enumerate(exempel, start=1):
            for nr, varde in enumerate(rad):
                tab.rows[radnr].cells[nr].text = str(varde)
        for kolumn in kolumner:
            forklaring = f"**{kolumn['rubrik']}**: {kolumnforklaring(kolumn)}"
            _stycke_docx(dok.add_paragraph(style="List Bullet"), forklaring)
    dok.save(fil)


def _stycke_docx(stycke, text: str) -> None:  # type: ignore[no-untyped-def]
    """Lägg till text i ett stycke; **fetstil** blir fet."""
    for i, del_ in enumerate(_FET.split(text)):
        if del_:
            stycke.add_run(del_).bold = i % 2 == 1


def _rubrikrad_upprepas(rad) -> None:  # type: ignore[no-untyped-def]
    """Markera rubrikraden som rubrik: den upprepas på varje sida och läses som rubrik."""
    egenskaper = rad._tr.get_or_add_trPr()
    element = egenskaper.makeelement(qn("w:tblHeader"), {})
    element.set(qn("w:val"), "true")
    egenskaper.append(element)
