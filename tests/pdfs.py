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
