"""Word's automatic list numbering written into the text, so items numbered by Word are found."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from indexer.read import read_document
from indexer.readers.docx import docx_text
from indexer.readers.docx_numbering import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# An outline list: "%1." then "%1.%2" then "(%3)"; a roman level and a bullet level beside it.
OUTLINE = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="4"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
"""
NUMS = [
    f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>',
    f'<w:num xmlns:w="{W_NS}" w:numId="91"><w:abstractNumId w:val="90"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>',
]


def add_outline(document: Any) -> None:
    """Add the outline list (numId 90) and a restart of it at 7 (numId 91) to numbering.xml."""
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    first_num.addprevious(parse_xml(OUTLINE))
    for num in NUMS:
        numbering.append(parse_xml(num))


def number(paragraph: Any, num_id: int, ilvl: int) -> None:
    """Number a paragraph from a list by its numPr, as Word does."""
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def heading(document: Any) -> None:
    """Write the opening of a small set of minutes."""
    document.add_paragraph("KELMSCOTT DISTRICT COUNCIL")
    document.add_paragraph(
        "MINUTES of the meeting of the Licensing Committee held at the Council Offices, "
        "Kelmscott on Tuesday 14 July 2020 at 10.00 am"
    )
    document.add_paragraph("Present: Councillor Ann Hale (Chair), Councillor Bob Tyne")


def save(document: Any, tmp_path: Path, name: str = "minutes.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def items_of(path: Path) -> list[tuple[str, str]]:
    [meeting] = read_document(path)
    return [(item.number, item.title) for item in meeting.items]


def test_list_number_style_numbers_the_items(tmp_path: Path) -> None:
    document = docx.Document()
    heading(document)
    for title, body in [
        ("Apologies for Absence", "There were no apologies."),
        ("Minutes of the Last Meeting", "The minutes were approved as a correct record."),
        ("Taxi Licensing Policy", "The committee considered the revised policy."),
    ]:
        document.add_paragraph(title, style="List Number")
        document.add_paragraph(body)
    path = save(document, tmp_path)
    text = docx_text(path)
    assert "\n\n1. Apologies for Absence\n\n" in text
    assert "\n\n3. Taxi Licensing Policy\n\n" in text
    assert items_of(path) == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes of the Last Meeting"),
        ("3", "Taxi Licensing Policy"),
    ]


def test_levels_restarts_letters_roman_and_bullets(tmp_path: Path) -> None:
    document = docx.Document()
    add_outline(document)
    for text, num_id, ilvl in [
        ("Welcome", 90, 0),
        ("Planning", 90, 0),
        ("Bus Depot", 90, 1),
        ("the hours", 90, 2),
        ("the noise", 90, 2),
        ("first point", 90, 3),
        ("a bullet", 90, 4),
        ("Car Park", 90, 1),
        ("Finance", 90, 0),
        ("Budget", 90, 1),
        ("Restarted", 91, 0),
        ("Restarted Sub", 91, 1),
    ]:
        number(document.add_paragraph(text), num_id, ilvl)
    lines = [line for line in docx_text(save(document, tmp_path)).splitlines() if line]
    assert lines == [
        "1. Welcome",
        "2. Planning",
        "2.1 Bus Depot",
        "(a) the hours",
        "(b) the noise",
        "iv) first point",
        "• a bullet",
        "2.2 Car Park",
        "3. Finance",
        "3.1 Budget",
        "7. Restarted",
        "7.1 Restarted Sub",
    ]


def test_numbering_from_a_paragraph_style_and_in_tables(tmp_path: Path) -> None:
    document = docx.Document()
    add_outline(document)
    style = document.styles.add_style("Minute Heading", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="90"/></w:numPr>')
    )
    document.add_paragraph("Declarations of Interest", style="Minute Heading")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].style = style
    table.cell(0, 1).text = "Noted"
    plain = document.add_paragraph("Not numbered", style="Minute Heading")
    number(plain, 0, 0)  # numId 0 removes the style's numbering
    document.add_paragraph("Public Questions", style="Minute Heading")
    text = docx_text(save(document, tmp_path))
    assert (
        text == "1. Declarations of Interest\n\n2. | Noted\n\nNot numbered\n\n3. Public Questions\n"
    )


def test_outline_numbers_are_read_as_items_and_sub_items(tmp_path: Path) -> None:
    document = docx.Document()
    add_outline(document)
    heading(document)
    for text, ilvl in [
        ("Apologies", 0),
        ("Apologies were received from Councillor Cole.", None),
        ("Licensing Applications", 0),
        ("The Red Lion", 1),
        ("The application was granted.", None),
        ("The Crown", 1),
        ("The application was refused.", None),
    ]:
        paragraph = document.add_paragraph(text)
        if ilvl is not None:
            number(paragraph, 90, ilvl)
    assert items_of(save(document, tmp_path)) == [
        ("1", "Apologies"),
        ("2", "Licensing Applications"),
        ("2.1", "The Red Lion"),
        ("2.2", "The Crown"),
    ]


def test_a_document_without_numbering_is_unchanged(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("5. Budget")
    document.add_paragraph("Agreed.")
    assert docx_text(save(document, tmp_path)) == "5. Budget\n\nAgreed.\n"


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 1990)] == [
        "IV",
        "IX",
        "XIV",
        "MCMXC",
    ]
    assert [format_number(n, f) for n, f in [(3, "decimalZero"), (3, "none"), (3, "ordinal")]] == [
        "03",
        "",
        "3",
    ]
