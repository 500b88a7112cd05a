"""PDF: the HTML page laid out on A4 by WeasyPrint, with a Chinese font that ships on PyPI.

No CJK font can be assumed on the machine, so the optional ``pdf`` extra
installs Noto Sans SC (SIL OFL 1.1, from the ``pylopdf-fonts-zh-cn`` package).
Without it Chinese would print as empty boxes.

Where the time goes, and what is done about it (measured on a 2-core machine,
before → after, with `python -X importtime` and cProfile):

- Importing WeasyPrint (≈1.9 s → 0.6 s): to find Pango, HarfBuzz and friends it
  tries Windows- and macOS-style names first, and cffi asks
  ``ctypes.util.find_library`` about each failed name, which runs `ldconfig -p`
  and then `gcc`/`ld` subprocesses. During that import the lookup answers "not
  found" at once, so the names that can load directly (``libpango-1.0.so.0``)
  are reached without any subprocess; if that import fails, the ordinary one runs.
- The 8 MB CJK font (≈5 s → 0.3 s): it is cut once to the characters of the
  page with HarfBuzz's subsetter (``uharfbuzz``, in the ``pdf`` extra; without
  it fontTools does it in about a second, keeping subroutines and skipping
  bounding-box recalculation, its slow parts). WeasyPrint then subsets the
  small cut font per style, which is quick; embedding it whole (``full_fonts``)
  would be quicker still but writes a wrong ToUnicode map, so copied digits
  come out garbled.
- Layout (≈1.3 s → 0.3 s for the sheet): plain blocks, tables, and two floated
  columns split where they come out even; CSS columns and flexbox each double
  WeasyPrint's layout time. The day chart (an SVG that shows one day, not the
  timetable) stays in the HTML only.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import os
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from .base import ExportContext, MissingDependency
from .common import list_view
from .to_html import css_string, render_html

INSTALL = "pip install 'hotline-cli[pdf]'"
FONT_PACKAGE = "pylopdf_fonts_zh_cn"
FONT_FILE = "NotoSansSC-Regular.otf"
FONT_FAMILY = "Hotline CJK"
# Printable ASCII is always kept: page counters and list markers are drawn by the layout engine.
_ALWAYS = frozenset(chr(code) for code in range(0x20, 0x7F))


def font_path() -> Path | None:
    """The bundled Noto Sans SC file, or None when its package is not installed."""
    try:
        candidate = resources.files(FONT_PACKAGE) / FONT_FILE
    except ModuleNotFoundError:
        return None
    path = Path(str(candidate))
    return path if path.is_file() else None


def font_face_css(source_url: str) -> str:
    return f"@font-face {{ font-family: {css_string(FONT_FAMILY)}; src: url({css_string(source_url)}); }}"


def characters_of(page: str) -> frozenset[str]:
    """Every character the page can show: its source and its entity-decoded text."""
    return frozenset(page) | frozenset(html.unescape(page)) | _ALWAYS


def subset_font(path: Path, characters: frozenset[str]) -> bytes | None:
    """The font with only these characters (OpenType bytes), or None when it cannot be cut.

    HarfBuzz's subsetter (the ``uharfbuzz`` wheel) cuts the 8 MB font in milliseconds;
    fontTools, the fallback, takes about a second.
    """
    codepoints = sorted(ord(char) for char in characters)
    try:
        import uharfbuzz
    except ImportError:
        return _subset_with_fonttools(path, codepoints)
    try:
        face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)))
        wanted = uharfbuzz.SubsetInput()
        for codepoint in codepoints:
            wanted.unicode_set.add(codepoint)
        wanted.flags = uharfbuzz.SubsetFlags.NOTDEF_OUTLINE | uharfbuzz.SubsetFlags.DESUBROUTINIZE
        cut = uharfbuzz.subset(face, wanted)
        data = bytes(cut.blob.data) if cut is not None else b""
    except (OSError, ValueError, RuntimeError):
        data = b""
    return data or _subset_with_fonttools(path, codepoints)


def _subset_with_fonttools(path: Path, codepoints: list[int]) -> bytes | None:
    from fontTools import subset
    from fontTools.ttLib import TTFont, TTLibError

    options = subset.Options()  # fontTools' default layout features: Latin and CJK shaping, no exotic scripts
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False  # slow on a CJK font, and a PDF embeds subroutinized CFF as well
    try:
        font = TTFont(str(path), lazy=True, recalcBBoxes=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
    except (TTLibError, OSError, ValueError, KeyError):
        return None
    return buffer.getvalue()


@contextmanager
def _no_library_probing():
    """Answer ``ctypes.util.find_library`` with "not found" at once while WeasyPrint loads its libraries."""
    import ctypes.util

    real = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        with redirect_stdout_to_nothing():
            yield
    finally:
        ctypes.util.find_library = real


def _import_weasyprint():
    import sys

    if "weasyprint" not in sys.modules:
        try:
            with _no_library_probing():
                import weasyprint  # noqa: F401
        except OSError:
            # A system where the libraries go by other names: forget the half-import, probe the usual way.
            for name in [module for module in sys.modules if module == "weasyprint" or module.startswith("weasyprint.")]:
                del sys.modules[name]
    with redirect_stdout_to_nothing():
        import weasyprint

    return weasyprint


@contextmanager
def redirect_stdout_to_nothing():
    """WeasyPrint prints installation advice to stdout when a library is missing, where `-o -`
    writes the document; MissingDependency says it on stderr instead."""
    from contextlib import redirect_stdout

    with redirect_stdout(io.StringIO()):
        yield


def _weasyprint():
    try:
        weasyprint = _import_weasyprint()
    except ImportError:
        raise MissingDependency("WeasyPrint (needed for PDF export)", INSTALL) from None
    except OSError as error:  # the Python package is there, the Pango/Cairo system libraries are not
        raise MissingDependency(
            f"the Pango text-layout library WeasyPrint uses ({error})",
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0",
        ) from None
    return weasyprint


class PdfExporter:
    media_type = "application/pdf"
    binary = True

    def ensure_available(self) -> None:
        _weasyprint()
        if font_path() is None:
            raise MissingDependency("the Chinese font for PDF export (Noto Sans SC)", INSTALL)

    def render(self, answer, context: ExportContext) -> bytes:
        with _fixed_timestamps(int(answer.at.timestamp())):
            return self.layout(answer, context).write_pdf()

    def layout(self, answer, context: ExportContext):
        """The laid-out pages (a WeasyPrint Document): what the PDF is written from."""
        self.ensure_available()
        weasyprint = _weasyprint()
        path = font_path()
        assert path is not None  # ensure_available() checked it
        view = list_view(answer, context)
        # WeasyPrint reports CSS it skips, and its subsetting fallback, through logging:
        # that is for developers, not for the person printing a list.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        with _fixed_timestamps(int(answer.at.timestamp())):
            cut = subset_font(path, characters_of(render_html(view, layout=context.layout)))
        if cut is not None:
            source = "data:font/otf;base64," + base64.b64encode(cut).decode("ascii")
        else:
            source = path.as_uri()
        page = render_html(view, font_css=font_face_css(source), layout=context.layout)
        return weasyprint.HTML(string=page).render()


@contextmanager
def _fixed_timestamps(epoch: int):
    """Same inputs, same bytes: fontTools stamps every font it writes with the current time
    unless SOURCE_DATE_EPOCH says otherwise, so point it at the list's own instant."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(max(epoch, 0))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
