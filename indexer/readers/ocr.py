"""Scanned PDFs: pages rendered by PDFium and read by Tesseract, when Tesseract is installed.

Tesseract is a program, not a Python package (Debian's `tesseract-ocr`, installed by `.ci/run`
and `./dev setup` where they may); without it a scanned PDF is reported as "scanned: no text
layer" rather than read as empty.
"""

from __future__ import annotations

import hashlib
import json
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


def cache_dir() -> Path:
    """Return where OCR results are kept: ``$MINUTES_SEARCH_CACHE/ocr``, else the user's cache."""
    base = os.environ.get("MINUTES_SEARCH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "minutes-search"
    )
    return Path(base) / "ocr"


def ocr_pages(path: Path, program: str) -> list[str]:
    """Return the text of each page of a PDF as Tesseract reads it, from the cache when this
    very file (by its SHA-256) was read before: OCR takes seconds a page, a full rebuild
    should not pay it again."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    cached = cache_dir() / f"{digest}-{DPI}.json"
    try:
        return list(json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    pages = _ocr(path, program)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(pages), encoding="utf-8")
        temporary.replace(cached)
    except OSError:
        pass  # a read-only home: OCR again next time
    return pages


def _ocr(path: Path, program: str) -> list[str]:
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
