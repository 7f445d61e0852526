"""Inläsning av användarens egna filer: enkätsvar, brottslistor och flöden.

Filerna kommer ofta som export från ett kontorsprogram.
De kan vara semikolonavgränsade, ha decimalkomma, vara sparade som UTF-8
(med eller utan BOM) eller Windows-1252, eller vara Excel-filer (.xlsx)
med titelrader och sammanslagna celler.
Kolumnnamnen kan vara skrivna med eller utan å, ä och ö.

Alla tre inläsningsfunktionerna bygger på samma kärna och ger tillbaka
både datan och en rapport (:class:`~tryggaplatser.rapport.Inlasningsrapport`).
Rapporten säger hur många rader som lästes, hur många som går att använda
och vilka rader som lämnades utanför och varför.
Ingen rad försvinner i tysthet, och inget gissas i tysthet: där en fil kan
läsas på två sätt (svarsskalans riktning, koordinatsystemet) följer
läsaren det som filen säger om sig själv, eller ber om uppgiften.
Radnummer räknas som i filen.

En fil som inte alls går att använda ger felet :class:`FilFel`.
Meddelandet säger vilken fil, vilken kolumn eller rad och vad som väntades.

Delarna:

- ``filformat``: från fil till tabell (teckenkodning, avgränsare, Excel, rubrikrad)
- ``rubriker``: kolumnnamn som känns igen, och koder i rubriken
- ``tal``, ``tider``, ``koordinater``: tal, datum och klockslag, koordinatsystem
- ``svar``: svarsskalor och deras riktning, kön och koder i rubriken
- ``flode``: flödesfiler i bred form (en kolumn per räknare)
- ``lasning``: kärnan som sätter ihop stegen
"""

from __future__ import annotations

from collections.abc import Iterable

from tryggaplatser.rapport import FilFel, Inlasning, Inlasningsrapport, Problem, komprimera_radnummer
from tryggaplatser.skalor import SVARSSKALOR, TRYGGHETSSKALA

from .lasning import las as _las
from .rubriker import KOLUMNNAMN, normalisera_kolumnnamn
from .tal import tolka_tal

__all__ = [
    "FilFel",
    "Inlasning",
    "Inlasningsrapport",
    "KOLUMNNAMN",
    "Problem",
    "SVARSSKALOR",
    "TRYGGHETSSKALA",
    "komprimera_radnummer",
    "las_egen_enkat",
    "las_egna_brott",
    "las_eget_flode",
    "normalisera_kolumnnamn",
    "tolka_tal",
]


def las_egen_enkat(fil, svarskolumner: Iterable[str] | dict[str, object] | None = None) -> Inlasning:
    """Läs en egen enkätfil, till exempel en export från en enkätleverantör.

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV (semikolon eller komma, UTF-8 med eller utan BOM eller Windows-1252)
        eller Excel (.xlsx). Rubrikraden får ha titel- och anteckningsrader ovanför sig.
    svarskolumner : list of str eller dict, valfri
        Namnen på kolumnerna med svar. Som dict säger värdet hur svaren ska läsas:
        en skala i :data:`SVARSSKALOR` (``{"F7": "oro"}``: koden är platsen i
        skalan, 1 = ”Inte alls”), koderna som text (``{"F7": "1=Mycket otrygg,
        4=Mycket trygg"}``) eller en lista med alternativen i kodernas ordning.
        Utan den räknas en kolumn som svarskolumn om minst hälften av svaren
        är alternativ i någon av skalorna, om rubriken har koder med skalans
        alternativ, eller om namnet innehåller ”trygg”, ”oro” eller ”problem”.

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)``. ``data`` har kolumnen ``rad`` (radnummer i filen),
        de kända kolumnerna (``kon``, ``alder``, ``aldersgrupp``, ``omrade``,
        ``vikt``, ``datum`` ...) och en ordnad kategori per svarskolumn, med
        handbokens alternativ från tryggast till otryggast. Svar som koder
        tolkas efter koderna i rubriken (``Trygg kväll (1=Mycket otrygg …
        5=Mycket trygg)``), i cellerna (``1 Mycket otrygg``) eller i
        ``svarskolumner``. En femgradig trygghetsskala får mittalternativet
        ”Varken trygg eller otrygg”. 0, 9, 99, tomt och Vet ej blir saknade svar.

    Fel
    ---
    FilFel
        Om filen inte går att använda, eller om svaren är koder och filen inte
        säger åt vilket håll skalan går.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO("Kön;Ålder;Vikt;Trygg kväll\\nKvinna;34;1,25;Ganska otrygg\\n"
    ...                  "Man;71;0,8;mycket trygg \\n".encode("cp1252"))
    >>> data, rapport = las_egen_enkat(fil)
    >>> data["trygg_kvall"].tolist()
    ['Ganska otrygg', 'Mycket trygg']
    >>> data["vikt"].tolist()
    [1.25, 0.8]
    >>> rapport.rader_anvandbara
    2
    >>> rapport.kanda_kolumner["Trygg kväll"]
    'trygg_kvall (svar, skala trygghet)'
    >>> kodad = io.BytesIO("Kön (1=Man, 2=Kvinna);Trygg kväll (1=Mycket otrygg … 4=Mycket trygg)\\n"
    ...                    "2;1\\n1;3\\n".encode())
    >>> data, rapport = las_egen_enkat(kodad)
    >>> data["kon"].tolist(), data["trygg_kvall"].tolist()
    (['Kvinna', 'Man'], ['Mycket otrygg', 'Ganska trygg'])
    """
    return _las(fil, "enkat", svarskolumner=svarskolumner)


def las_egna_brott(fil, koordinatsystem: str | int | None = None) -> Inlasning:
    """Läs en egen lista med brott eller händelser, till exempel ett utdrag från polisen.

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV eller Excel (.xlsx). Datum krävs (kolumnen Datum eller Tidpunkt,
        klockslag gärna i en egen kolumn Tid eller Klockslag). Koordinater är valfria.
    koordinatsystem : str or int, valfri
        Koordinatsystemet, som ``"EPSG:3011"`` (SWEREF 99 18 00). Behövs bara
        när filen inte själv säger det och talen inte räcker: de lokala
        SWEREF 99-zonerna (EPSG:3007–3018) går inte att skilja åt på talen.
        SWEREF 99 TM, RT90 (läses som 2,5 gon V, EPSG:3021) och WGS84 känns
        igen på talen.

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)``. ``data`` har ``rad``, ``datum`` och ``tidpunkt``
        (Europe/Stockholm, om klockslag finns; tider med tidszon räknas om),
        ``brottstyp`` och ``brottskategori`` (kategorier) och ``ost``, ``nord``
        i SWEREF 99 TM (EPSG:3006, meter) om koordinater finns: samma namn som
        i Mellanstads brottsdata, så att kapitlens kod fungerar på egna data.
        Kolumner som heter X och Y tolkas efter värdena: nordvärden
        (6–8 miljoner) blir ``nord`` även om kolumnen heter X.

    Fel
    ---
    FilFel
        Om filen inte går att använda, till exempel om datum saknas eller
        koordinatsystemet inte går att avgöra.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO(b"Datum,Brottstyp,Lat,Lon\\n2024-03-05 22:15,Misshandel,60.6,15.6\\n")
    >>> data, rapport = las_egna_brott(fil)
    >>> str(data.loc[0, "tidpunkt"])
    '2024-03-05 22:15:00+01:00'
    >>> 6_700_000 < float(data.loc[0, "nord"]) < 6_750_000  # norr i SWEREF 99 TM, meter
    True
    >>> zon = io.BytesIO(b"Tidpunkt;X;Y\\n2024-03-05T21:15:00Z;6579433;153985\\n")
    >>> data, rapport = las_egna_brott(zon, koordinatsystem="EPSG:3011")  # SWEREF 99 18 00
    >>> str(data.loc[0, "tidpunkt"]), round(float(data.loc[0, "ost"]))
    ('2024-03-05 22:15:00+01:00', 674648)
    """
    return _las(fil, "brott", koordinatsystem=koordinatsystem)


def las_eget_flode(fil) -> Inlasning:
    """Läs egna flödesmätningar (antal passerande per tidsperiod och räknare).

    Parametrar
    ----------
    fil : str, pathlib.Path eller filobjekt
        CSV eller Excel (.xlsx) med Datum (och gärna Tid) samt antingen Antal
        (lång form, gärna med Räknare) eller en kolumn per räknare (bred form,
        som Mellanstads ``flode.csv``).

    Returnerar
    ----------
    Inlasning
        ``(data, rapport)`` i lång form: en rad per tidsperiod och räknare.
        ``antal`` är heltal (minst 0). I lång form lämnas rader med negativt
        antal eller decimaltal utanför och redovisas; i bred form lämnas bara
        den cellen utanför, och raden finns kvar för de andra räknarna.

    Fel
    ---
    FilFel
        Om filen inte går att använda.

    Exempel
    -------
    >>> import io
    >>> fil = io.BytesIO(b"Datum;Tid;R\\xe4knare;Antal\\n2024-03-05;08.00;Torget;120\\n"
    ...                  b"2024-03-05;09.00;Torget;-4\\n")
    >>> data, rapport = las_eget_flode(fil)
    >>> data["antal"].tolist()
    [120]
    >>> rapport.utelamnade[0].rader
    [3]
    >>> bred = io.BytesIO(b"tidpunkt;torget;parken\\n2024-03-05T08:00:00+01:00;120;4\\n")
    >>> las_eget_flode(bred).data[["raknare", "antal"]].values.tolist()
    [['torget', 120], ['parken', 4]]
    """
    return _las(fil, "flode")
