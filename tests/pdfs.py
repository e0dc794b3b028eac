"""Build real PDF files for tests with fpdf2 (and pypdf for encryption)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter


def make_pdf(path: Path, pages: list[list[str]], head: str | None = None) -> Path:
    """Write a PDF whose pages hold ``pages`` lines, each page with a running head and number."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        if head:
            pdf.cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 6, f"Page {number} of {len(pages)}")
    pdf.output(str(path))
    return path


def encrypt_pdf(source: Path, target: Path, password: str) -> Path:
    """Write ``source`` encrypted with a user password."""
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def make_scanned_pdf(path: Path, lines: list[str]) -> Path:
    """Write a PDF of one page that is only a picture of ``lines`` (no text layer), as a
    scanner makes: a text PDF is rendered by PDFium and its image put in a new PDF."""
    import pypdfium2

    printed = make_pdf(path.with_suffix(".printed.pdf"), [lines])
    document = pypdfium2.PdfDocument(str(printed))
    picture = document[0].render(scale=200 / 72).to_pil()
    document.close()
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(picture, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))
    return path
