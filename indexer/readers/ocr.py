"""Scanned PDFs: pages rendered by PDFium and read by Tesseract, when Tesseract is installed.

Tesseract is a program, not a Python package (Debian's `tesseract-ocr`, installed by `.ci/run`
and `./dev setup` where they may); without it a scanned PDF is reported as "scanned: no text
layer" rather than read as empty.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

DPI = 150  # enough for the type size of printed minutes, and four times faster than 300
PAGE_SECONDS = 120  # Tesseract's time limit a page
MAX_PAGES = 200


def tesseract() -> str | None:
    """Return the path of the tesseract program, or None when it is not installed."""
    return shutil.which(os.environ.get("MINUTES_SEARCH_TESSERACT", "tesseract"))


def ocr_pages(path: Path, program: str) -> list[str]:
    """Return the text of each page of a PDF as Tesseract reads its rendered image."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory(prefix="minutes-ocr-") as folder:
            return [
                _read_page(document[index], Path(folder) / f"{index}.pgm", program)
                for index in range(min(len(document), MAX_PAGES))
            ]
    finally:
        document.close()


def _read_page(page: object, image: Path, program: str) -> str:
    """Render a page in grey as a PGM image (no imaging library needed) and read it."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)  # type: ignore[attr-defined]
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    rows = b"".join(data[row * stride : row * stride + width] for row in range(height))
    image.write_bytes(f"P5 {width} {height} 255\n".encode() + rows)
    done = subprocess.run(
        [program, str(image), "stdout", "--psm", "1"],
        capture_output=True, text=True, timeout=PAGE_SECONDS, check=False,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one core a page: reindex runs in parallel
    )  # fmt: skip
    return done.stdout if done.returncode == 0 else ""
