"""Word documents that look right in Word, WPS and LibreOffice, in English and Chinese.

python-docx sets only the Latin font slots, and its default template makes Chinese fall
back to a Japanese font (themeFontLang ja-JP, empty theme East Asian font). Here every
style gets explicit Latin and East Asian fonts with the theme references removed, the
document language is zh-CN or en-GB, tables are bordered, and the footer carries
"Page X of Y" as fields that Word and LibreOffice compute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from pmdesk.exports.files import write_atomically
from pmdesk.models import Language

LATIN_FONT = "Calibri"
#: Fonts Word knows on every Chinese Windows; LibreOffice substitutes a CJK font.
#: A sans East Asian font in English documents too, so a Chinese name beside Calibri does
#: not stand out in a serif (SimSun).
EAST_ASIAN_FONT = {Language.ZH_CN: "Microsoft YaHei", Language.EN: "Microsoft YaHei"}
HEADING_COLOUR = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "DCE6F1"

_PAGE = {Language.EN: ("Page ", " of ", ""), Language.ZH_CN: ("第 ", " 页 / 共 ", " 页")}


def new_document(
    language: Language, *, title: str, landscape: bool = False, header: str = ""
) -> Document:
    """An A4 document with CJK-safe styles, page numbers and clean properties; `header`
    is the running header on every page (project and document, as the client files it)."""
    document = docx.Document()
    _drop_template_leftovers(document)
    _set_fonts(document, language)
    _set_language(document, language)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.0)
    _add_page_numbers(document, language)
    if header:
        _add_running_header(document, header)
    properties = document.core_properties
    # Nothing about the team's work may travel in the file's properties.
    # The package's properties hold at most 255 characters (a long meeting title).
    properties.title = title if len(title) <= 255 else title[:254] + "…"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    properties.category = ""
    properties.language = "zh-CN" if language == Language.ZH_CN else "en-GB"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now
    properties.revision = 1
    return document


_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>pmdesk</Application>'
    "<DocSecurity>0</DocSecurity></Properties>"
)
_LEFTOVER_RELS = (
    "relationships/metadata/thumbnail",  # a blank thumbnail of the template
    "relationships/customXml",  # the template's bibliography sources
)


def _drop_template_leftovers(document: Document) -> None:
    """The default template's app name (a Mac Word), blank thumbnail and custom XML."""
    package = document.part.package
    for owner in (package, document.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_LEFTOVER_RELS):
                del owner.rels[r_id]
    for rel in package.rels.values():
        if rel.reltype.endswith("relationships/extended-properties"):
            rel.target_part._blob = _APP_XML.encode()


def _add_running_header(document: Document, text: str) -> None:
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _fonts_element(east_asian: str) -> BaseOxmlElement:
    fonts = OxmlElement("w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    return fonts


def _replace_fonts(rpr: BaseOxmlElement, east_asian: str) -> None:
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)  # theme references (asciiTheme…) would override explicit fonts
    rpr.insert(0, _fonts_element(east_asian))


def _set_fonts(document: Document, language: Language) -> None:
    east_asian = EAST_ASIAN_FONT[language]
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        _replace_fonts(rpr, east_asian)
    for style in document.styles:
        element = style.element
        if element.get(qn("w:type")) not in ("paragraph", "character", "table"):
            continue
        rpr = element.get_or_add_rPr()
        _replace_fonts(rpr, east_asian)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = HEADING_COLOUR
        style.font.bold = True


def _set_language(document: Document, language: Language) -> None:
    """Declare the document's languages so Word proofs and lays out CJK correctly."""
    tag = "zh-CN" if language == Language.ZH_CN else "en-GB"
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), tag)
    theme_lang.set(qn("w:eastAsia"), "zh-CN")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    # w:val is the language of Latin-script text: English even in a Chinese document, or
    # LibreOffice breaks "Manu|facturing" and e-mail addresses mid-word as if Chinese.
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separate, end."""

    def char(kind: str) -> BaseOxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(char("end"))


def _add_page_numbers(document: Document, language: Language) -> None:
    before, middle, after = _PAGE[language]
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(middle)
    _field(paragraph, "NUMPAGES", "1")
    if after:
        paragraph.add_run(after)
    for run in paragraph.runs:
        run.font.size = Pt(9)


def add_table(
    document: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float] | None = None,
) -> Table:
    """A bordered table with a shaded header row that repeats on every page."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header_cells = table.rows[0].cells
    for cell, text in zip(header_cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        _shade(cell, HEADER_FILL)
    _repeat_header(table)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            _set_cell_text(cell, text)
    if widths_cm:
        set_widths(table, widths_cm)
    keep_rows_whole(table)
    return table


def keep_rows_whole(table: Table) -> None:
    """No row of the table is split across two pages."""
    for row in table.rows:
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            cant_split = OxmlElement("w:cantSplit")
            cant_split.set(qn("w:val"), "true")
            properties.insert(0, cant_split)


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word)."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=False):
        column.set(qn("w:w"), str(Cm(width).twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def _set_cell_text(cell: _Cell, text: str) -> None:
    """Cell text with line breaks kept as paragraphs."""
    lines = str(text).split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(table: Table) -> None:
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def add_key_values(document: Document, pairs: Sequence[tuple[str, str]]) -> Table:
    """A two-column table of labels and values (project, meeting, time, venue…)."""
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    for label, value in pairs:
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(label).bold = True
        _shade(cells[0], HEADER_FILL)
        _set_cell_text(cells[1], value)
    set_widths(table, (4.0, 12.6))
    keep_rows_whole(table)
    return table


def save(document: Document, target: Path) -> Path:
    """Write an internal document atomically (see exports.files)."""
    return write_atomically(Path(target), lambda temporary: document.save(str(temporary)))


def save_for_client(document: Document, target: Path, project_id: int) -> Path:
    """Write a client document atomically, through the leak gate (exports.leak_gate)."""
    from pmdesk.exports.leak_gate import write_client_file

    return write_client_file(
        Path(target), lambda temporary: document.save(str(temporary)), project_id
    )
