"""PDF: the HTML page laid out on A4 by WeasyPrint, with a Chinese font that ships on PyPI.

No CJK font can be assumed on the machine, so the optional ``pdf`` extra
installs Noto Sans SC (SIL OFL 1.1, from the ``pylopdf-fonts-zh-cn`` package).
Without it Chinese would print as empty boxes.

The font is first cut down to the characters the page uses and handed to
WeasyPrint inline. WeasyPrint subsets fonts again while writing the PDF; on a
machine without the HarfBuzz subsetting library it falls back to fontTools,
which takes half a minute on the full 8 MB CJK font and a moment on the cut one.
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

from .base import MissingDependency
from ..render.view import AnswerView
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
    """The font with only these characters (OpenType bytes), or None when fontTools cannot cut it."""
    from fontTools import subset
    from fontTools.ttLib import TTFont, TTLibError

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    try:
        font = TTFont(str(path))
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(ord(char) for char in characters))
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
    except (TTLibError, OSError, ValueError, KeyError):
        return None
    return buffer.getvalue()


def _weasyprint():
    try:
        import weasyprint
    except ImportError:
        raise MissingDependency("WeasyPrint (needed for PDF export)", INSTALL) from None
    except OSError as error:  # the Python package is there, the Pango/Cairo system libraries are not
        raise MissingDependency(
            f"the Pango text-layout library WeasyPrint uses ({error})",
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0",
        ) from None
    return weasyprint


class PdfExporter:

    def ensure_available(self) -> None:
        _weasyprint()
        if font_path() is None:
            raise MissingDependency("the Chinese font for PDF export (Noto Sans SC)", INSTALL)

    def render(self, view: AnswerView) -> bytes:
        self.ensure_available()
        weasyprint = _weasyprint()
        path = font_path()
        assert path is not None  # ensure_available() checked it
        # WeasyPrint reports CSS it skips, and its subsetting fallback, through logging:
        # that is for developers, not for the person printing a list.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        with _fixed_timestamps(int(view.answer.at.timestamp())):
            cut = subset_font(path, characters_of(render_html(view)))
            if cut is not None:
                source = "data:font/otf;base64," + base64.b64encode(cut).decode("ascii")
            else:
                source = path.as_uri()
            page = render_html(view, font_css=font_face_css(source))
            return weasyprint.HTML(string=page).write_pdf()


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
