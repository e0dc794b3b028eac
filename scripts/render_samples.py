"""Render the PDF and DOCX sample minutes in sample_data/ from their plain-text sources.

Run from the checkout: ``.venv/bin/python scripts/render_samples.py``.

Each source is ``scripts/sample_sources/<council>/<committee>/<YYYY-MM-DD>.txt`` and is written to
``sample_data/`` at the same relative path, with the extension given in ``OUTPUTS``. The sources
are plain-text minutes, read as blocks separated by blank lines:

- the first block is the council's name, in capitals;
- a block starting "Present:", "Apologies for absence:", "Also present:", "Officers:",
  "Substitutes:" or "Absent:" is attendance (a "Present | Apologies" table in the DOCX);
- a one-line block starting with an item number ("46. ", "88(a) ", "31  ") and not ending in a
  full stop is an item heading;
- a block whose lines all start "For", "Against" or "Abstain", each "For (4): name, name", is a
  recorded vote (a "For | Against | Abstain" table in the DOCX);
- anything else is a paragraph; its lines are joined with spaces.

The output is deterministic: every date in the files is the meeting date plus seven days (a
plausible publication date), the PDF uses a core font (no embedded font subset), and the DOCX's
zip entries carry fixed timestamps. PDF text is limited to Windows-1252, so only characters such
as "–", "’", "£", "é", "ë" and "ü" may be used beyond ASCII. Long words in PDF paragraphs get
soft hyphens from ``HYPHENATION``, so some break across lines ("redevel-" / "opment"), as they
do in real published minutes.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sample_sources"
OUTPUT = ROOT / "sample_data"

# Which source becomes which format, by path relative to SOURCES without ".txt".
OUTPUTS = {
    "ashbury-borough-council/planning-committee/2019-03-14": "pdf",
    "ashbury-borough-council/cabinet/2020-01-16": "docx",
    "ashbury-borough-council/full-council/2020-02-27": "docx",
    "ashbury-borough-council/cabinet/2021-09-16": "pdf",
    "kelmscott-district-council/planning-committee/2019-05-15": "docx",
    "kelmscott-district-council/full-council/2020-02-19": "pdf",
    "kelmscott-district-council/full-council/2021-02-17": "docx",
    "kelmscott-district-council/licensing-committee/2021-10-12": "pdf",
}

COMMITTEES = {
    "cabinet": "Cabinet",
    "full-council": "Full Council",
    "licensing-committee": "Licensing Committee",
    "overview-and-scrutiny-committee": "Overview and Scrutiny Committee",
    "planning-committee": "Planning Committee",
}

ATTENDANCE_LABELS = (
    "Present",
    "Apologies for absence",
    "Apologies",
    "Substitutes",
    "Also present",
    "Officers",
    "Absent",
)
VOTE_LABELS = ("For", "Against", "Abstain")

HEADING_RE = re.compile(r"^\d+(?:\([a-z]\))?\.?\s+\S")
VOTE_RE = re.compile(r"^(For|Against|Abstain)\s*(?:\((\d+)\))?:\s*(.*)$")

# Where long words may break in PDF paragraphs ("-" marks a break point).
HYPHENATION = (
    "ac-com-mo-da-tion",
    "ac-ces-si-ble",
    "af-ford-able",
    "ap-pli-ca-tion",
    "ap-pli-ca-tions",
    "as-sess-ment",
    "As-so-ci-a-tion",
    "Con-ser-va-tion",
    "con-sid-er-a-tion",
    "con-sid-ered",
    "con-sul-ta-tion",
    "con-struc-tion",
    "con-tri-bu-tion",
    "con-tri-bu-tions",
    "Coun-cil-lor",
    "De-part-ment",
    "de-vel-op-ment",
    "de-vel-op-ments",
    "dem-o-li-tion",
    "En-vi-ron-men-tal",
    "in-de-pen-dent",
    "in-fra-struc-ture",
    "Li-cens-ing",
    "man-age-ment",
    "per-mis-sion",
    "pro-cure-ment",
    "pru-den-tial",
    "rec-om-men-da-tion",
    "re-de-vel-op-ment",
    "Re-gen-er-a-tion",
    "rep-re-sen-ta-tions",
    "re-quire-ment",
    "res-i-dents",
    "wheel-chair",
)
SOFT_HYPHEN = "\u00ad"

PDF_FONT = "helvetica"
RUNNING_HEAD_SEP = " \u2013 "


@dataclass(frozen=True)
class Block:
    """One block of a source: its kind ("title", "attendance", "heading", "vote", "para")."""

    kind: str
    text: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """A source file and what its path says about the meeting."""

    path: Path
    council: str
    committee: str
    meeting_date: date
    blocks: tuple[Block, ...]

    @property
    def relative(self) -> str:
        return self.path.relative_to(SOURCES).with_suffix("").as_posix()

    @property
    def running_head(self) -> str:
        when = f"{self.meeting_date.day} {self.meeting_date:%B %Y}"
        return RUNNING_HEAD_SEP.join((self.council, self.committee, when))

    @property
    def published(self) -> datetime:
        """Return the fixed timestamp written into the file's metadata."""
        moment = datetime.combine(self.meeting_date + timedelta(days=7), time(9, 0))
        return moment.replace(tzinfo=UTC)


def classify(lines: list[str], first: bool) -> Block:
    """Return the kind of one block of lines."""
    text = " ".join(line.strip() for line in lines)
    if first:
        return Block("title", text)
    if lines[0].split(":", 1)[0] in ATTENDANCE_LABELS and ":" in lines[0]:
        return Block("attendance", text, tuple(lines))
    if all(VOTE_RE.match(line) for line in lines):
        return Block("vote", text, tuple(lines))
    if len(lines) == 1 and HEADING_RE.match(text) and not text.endswith("."):
        return Block("heading", text)
    return Block("para", text)


def split_blocks(text: str) -> Iterator[Block]:
    """Yield the blocks of a source text, in order."""
    chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", text.strip())]
    for n, chunk in enumerate(chunks):
        yield classify([line for line in chunk.split("\n") if line.strip()], first=n == 0)


def read_source(path: Path) -> Source:
    """Read one source and what its path says: council, committee and date."""
    council_slug, committee_slug = path.relative_to(SOURCES).parts[:2]
    text = path.read_text(encoding="utf-8")
    blocks = tuple(split_blocks(text))
    return Source(
        path=path,
        council=council_slug.replace("-", " ").title(),
        committee=COMMITTEES[committee_slug],
        meeting_date=date.fromisoformat(path.stem),
        blocks=blocks,
    )


def split_names(text: str) -> list[str]:
    """Split "A, B (x, y and z) and C" into names, ignoring separators inside brackets."""
    names, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        depth += {"(": 1, ")": -1}.get(char, 0)
        for sep in (", ", "; ", " and "):
            if depth == 0 and text.startswith(sep, i):
                names.append(text[start:i])
                start = i = i + len(sep)
                break
        else:
            i += 1
    names.append(text[start:])
    return [n.strip().rstrip(".") for n in names if n.strip()]


def attendance_lines(block: Block) -> list[tuple[str, str]]:
    """Return (label, rest) for each line of an attendance block."""
    pairs = []
    for line in block.lines:
        label, _, rest = line.partition(":")
        pairs.append((label.strip(), rest.strip()))
    return pairs


def vote_columns(block: Block) -> dict[str, list[str]]:
    """Return the names under For, Against and Abstain in a recorded vote block."""
    columns: dict[str, list[str]] = {label: [] for label in VOTE_LABELS}
    for line in block.lines:
        match = VOTE_RE.match(line)
        assert match is not None
        names = split_names(match.group(3))
        columns[match.group(1)] = [] if names == ["None"] else names
    return columns


# --- PDF -------------------------------------------------------------------------------------


def hyphenate(text: str) -> str:
    """Insert soft hyphens into the long words listed in HYPHENATION."""
    for pattern in HYPHENATION:
        word = pattern.replace("-", "")
        breaks = [m.start() - k for k, m in enumerate(re.finditer("-", pattern))]

        def soften(match: re.Match[str], breaks: list[int] = breaks) -> str:
            found = match.group(0)
            for offset in reversed(breaks):
                found = found[:offset] + SOFT_HYPHEN + found[offset:]
            return found

        text = re.sub(rf"\b{word}\b", soften, text, flags=re.IGNORECASE)
    return text


class MinutesPDF(FPDF):
    """An A4 page with the running head at the top and "Page N of M" at the foot."""

    def __init__(self, running_head: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.running_head = running_head
        self.core_fonts_encoding = "windows-1252"
        self.set_margins(left=22, top=22, right=22)
        self.set_auto_page_break(auto=True, margin=22)

    def header(self) -> None:
        self.set_font(PDF_FONT, style="I", size=8.5)
        self.set_y(10)
        self.cell(0, 5, self.running_head, align="C")
        self.line(22, 16, self.w - 22, 16)
        self.set_y(22)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(PDF_FONT, size=8.5)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def pdf_block(pdf: MinutesPDF, block: Block) -> None:
    """Write one block to the PDF."""
    if block.kind == "title":
        pdf.set_font(PDF_FONT, style="B", size=15)
        pdf.multi_cell(0, 8, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    elif block.kind == "heading":
        pdf.ln(2)
        pdf.set_font(PDF_FONT, style="B", size=11)
        pdf.multi_cell(0, 5.5, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    elif block.kind in ("attendance", "vote"):
        for line in block.lines:
            label, _, rest = line.partition(":")
            pdf.set_font(PDF_FONT, size=10)
            text = f"**{label.strip()}:** {rest.strip()}"
            pdf.multi_cell(0, 5, text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        pdf.ln(1)
    else:
        pdf.set_font(PDF_FONT, size=10)
        pdf.multi_cell(0, 5, hyphenate(block.text), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)


def render_pdf(source: Source) -> bytes:
    """Return the PDF bytes for one source."""
    pdf = MinutesPDF(source.running_head)
    pdf.set_creation_date(source.published)
    pdf.set_title(f"Minutes{RUNNING_HEAD_SEP}{source.running_head}")
    pdf.set_author(source.council)
    pdf.set_subject(f"Minutes of the {source.committee}")
    pdf.set_creator("minutes-search scripts/render_samples.py")
    pdf.set_lang("en-GB")
    pdf.add_page()
    for block in source.blocks:
        pdf_block(pdf, block)
    return bytes(pdf.output())


# --- DOCX ------------------------------------------------------------------------------------


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def set_up_page(document: Document, source: Source) -> None:
    """Make the page A4 with the running head above and "Page N of M" below."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(22))
    head = section.header.paragraphs[0]
    head.text = source.running_head
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Page ")
    add_field(foot, "PAGE")
    foot.add_run(" of ")
    add_field(foot, "NUMPAGES")


def add_table(document: Document, header: list[str], columns: list[list[str]]) -> None:
    """Add a grid table: a header row, then the columns' entries one per row."""
    rows = max((len(c) for c in columns), default=0)
    table = document.add_table(rows=1 + rows, cols=len(header))
    table.style = "Table Grid"
    for col, title in enumerate(header):
        cell = table.cell(0, col)
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
        for row, name in enumerate(columns[col], start=1):
            table.cell(row, col).text = name


def labelled_paragraph(document: Document, label: str, rest: str) -> None:
    """Add a paragraph with a bold label, e.g. "Officers: ..."."""
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f" {rest}")


def docx_attendance(document: Document, block: Block) -> None:
    """Add attendance: Present and Apologies as a table, the other lines as paragraphs."""
    pairs = attendance_lines(block)
    table_rows = {label: rest for label, rest in pairs if label in ATTENDANCE_LABELS[:3]}
    present = split_names(table_rows.get("Present", ""))
    apologies_text = table_rows.get("Apologies for absence", table_rows.get("Apologies", ""))
    add_table(document, ["Present", "Apologies"], [present, split_names(apologies_text)])
    document.add_paragraph()
    for label, rest in pairs:
        if label not in table_rows:
            labelled_paragraph(document, label, rest)


def docx_vote(document: Document, block: Block) -> None:
    """Add a recorded vote as a "For | Against | Abstain" table with a totals row."""
    columns = vote_columns(block)
    names = [columns[label] for label in VOTE_LABELS]
    longest = max(len(c) for c in names)
    padded = [c + [""] * (longest - len(c)) + [f"Total: {len(c)}"] for c in names]
    add_table(document, list(VOTE_LABELS), padded)
    document.add_paragraph()


def docx_block(document: Document, block: Block, is_first_para: bool) -> None:
    """Add one block to the document."""
    if block.kind == "title":
        document.add_heading(block.text, level=0)
    elif block.kind == "heading":
        document.add_heading(block.text, level=2)
    elif block.kind == "attendance":
        docx_attendance(document, block)
    elif block.kind == "vote":
        docx_vote(document, block)
    else:
        paragraph = document.add_paragraph()
        paragraph.add_run(block.text).bold = is_first_para


def merge_attendance(blocks: tuple[Block, ...]) -> list[Block]:
    """Join consecutive attendance blocks into one, so Present and Apologies share a table."""
    merged: list[Block] = []
    for block in blocks:
        if block.kind == "attendance" and merged and merged[-1].kind == "attendance":
            previous = merged.pop()
            lines = previous.lines + block.lines
            block = Block("attendance", " ".join(lines), lines)
        merged.append(block)
    return merged


def set_core_properties(document: Document, source: Source) -> None:
    """Fix every core property so that rebuilding gives the same file."""
    props = document.core_properties
    props.author = source.council
    props.title = f"Minutes{RUNNING_HEAD_SEP}{source.running_head}"
    props.subject = f"Minutes of the {source.committee}"
    props.comments = "Fictional sample minutes written for minutes-search."
    props.last_modified_by = "Democratic Services"
    props.created = props.modified = source.published
    props.revision = 1
    props.language = "en-GB"


def stable_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes on every entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(source: Source) -> bytes:
    """Return the DOCX bytes for one source."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    set_up_page(document, source)
    set_core_properties(document, source)
    first_para = True
    for block in merge_attendance(source.blocks):
        docx_block(document, block, is_first_para=first_para and block.kind == "para")
        first_para = first_para and block.kind != "para"
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), source.published)


RENDERERS = {"pdf": render_pdf, "docx": render_docx}


def main() -> int:
    """Render every source listed in OUTPUTS and report what was written."""
    found = {p.relative_to(SOURCES).with_suffix("").as_posix() for p in SOURCES.rglob("*.txt")}
    unlisted = sorted(found - OUTPUTS.keys())
    if unlisted:
        print(f"error: no output format for {', '.join(unlisted)}; add them to OUTPUTS")
        return 1
    for relative, fmt in sorted(OUTPUTS.items()):
        source = read_source(SOURCES / f"{relative}.txt")
        target = OUTPUT / f"{relative}.{fmt}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(RENDERERS[fmt](source))
        print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
