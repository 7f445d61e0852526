"""En liten PDF-läsare för testerna: sidornas storlek och texten, utan nya beroenden.

Den klarar de PDF-filer som Chromium skriver (Skia): objekt utan objektströmmar,
innehåll och teckensnittens ToUnicode-tabeller komprimerade med FlateDecode, och
text som hexsträngar (Tj och TJ) i teckensnitt med Identity-H. Andra PDF-filer
kan ge ofullständig text; då fallerar testerna hellre än att godkänna.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

_OBJEKT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STROM = re.compile(rb"^(.*?)stream\r?\n", re.S)
#: Byte av teckensnitt (/F4 12 Tf), en TJ-lista med hexsträngar, eller en hexsträng med Tj.
_TEXTOPERATOR = re.compile(rb"/(F\d+) [\d.]+ Tf|\[((?:<[0-9A-Fa-f]*>|[^\]])*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj")


def _objekt(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    """Objektnummer till (ordlistan, den uppackade strömmen eller None)."""
    objekt = {}
    for traff in _OBJEKT.finditer(data):
        nummer, kropp = int(traff.group(1)), traff.group(2)
        strom = _STROM.match(kropp)
        if not strom:
            objekt[nummer] = (kropp, None)
            continue
        ordlista = strom.group(1)
        langd = re.search(rb"/Length (\d+)", ordlista)
        start = traff.start(2) + strom.end()
        radata = data[start:start + int(langd.group(1))] if langd else b""
        if b"/FlateDecode" in ordlista:
            try:
                radata = zlib.decompress(radata)
            except zlib.error:
                radata = b""
        objekt[nummer] = (ordlista, radata)
    return objekt


def sidstorlekar(fil: Path) -> list[tuple[float, float]]:
    """Bredd och höjd i punkter (1/72 tum) för varje sida, från sidornas MediaBox."""
    sidor = []
    for ordlista, _ in _objekt(Path(fil).read_bytes()).values():
        if re.search(rb"/Type /Page\b(?!s)", ordlista):
            ruta = re.search(rb"/MediaBox \[([-\d. ]+)\]", ordlista)
            x0, y0, x1, y1 = map(float, ruta.group(1).split())
            sidor.append((x1 - x0, y1 - y0))
    return sidor


def _tabell(cmap: bytes) -> dict[int, str]:
    tabell = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for kod, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            tabell[int(kod, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for fran, till, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            bas = int(uni, 16)
            for i, kod in enumerate(range(int(fran, 16), int(till, 16) + 1)):
                tabell[kod] = chr(bas + i)
    return tabell


def text(fil: Path) -> str:
    """All text i filen, en rad per sida (blanksteg bara där PDF-filen har dem)."""
    objekt = _objekt(Path(fil).read_bytes())
    tabeller = {}
    for nummer, (ordlista, _) in objekt.items():
        til = re.search(rb"/ToUnicode (\d+) 0 R", ordlista)
        if til and int(til.group(1)) in objekt:
            tabeller[nummer] = _tabell(objekt[int(til.group(1))][1] or b"")
    delar = []
    for ordlista, _ in objekt.values():
        if not re.search(rb"/Type /Page\b(?!s)", ordlista):
            continue
        typsnitt = {namn.decode(): int(nr) for namn, nr in re.findall(rb"/(F\d+) (\d+) 0 R", ordlista)}
        innehall = re.search(rb"/Contents (\d+) 0 R", ordlista)
        strom = objekt[int(innehall.group(1))][1] or b""
        tabell: dict[int, str] = {}
        for traff in _TEXTOPERATOR.finditer(strom):
            if traff.group(1):
                tabell = tabeller.get(typsnitt.get(traff.group(1).decode()), {})
                continue
            hexdelar = re.findall(rb"<([0-9A-Fa-f]*)>", traff.group(2) or b"<" + traff.group(3) + b">")
            for hexdel in hexdelar:
                koder = [int(hexdel[i:i + 4], 16) for i in range(0, len(hexdel), 4)]
                delar.append("".join(tabell.get(k, "\ufffd") for k in koder))
        delar.append("\n")
    return unicodedata.normalize("NFKC", "".join(delar))


def utan_blanksteg(text: str) -> str:
    """Texten utan blanksteg och radbrytningar, för att jämföra med en PDF:s text.

    Chromium delar upp raderna i bitar, så blanksteg och radbrytningar i PDF-texten
    går inte att lita på. Ligaturer (fi, fl) blir vanliga bokstäver.
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
