"""The one interface every export format implements, and the registry from format to exporter.

Exporter modules are imported only when their format is asked for, so the heavy
libraries one format needs (WeasyPrint for PDF) never load for another.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .formats import ExportFormat

if TYPE_CHECKING:
    from ..render.view import AnswerView


class MissingDependency(Exception):
    """A format needs libraries that are not installed; ``install`` says how to get them."""

    def __init__(self, what: str, install: str):
        self.what = what
        self.install = install
        super().__init__(f"{what} is not installed")


@runtime_checkable
class Exporter(Protocol):
    binary: bool  # render() returns bytes when true, str otherwise (a terminal never gets bytes)

    def ensure_available(self) -> None:
        """Raise MissingDependency when the format cannot be produced here."""

    def render(self, view: AnswerView, layout: str = "sheet") -> bytes | str:
        """The whole document for this view of an Answer (ended lines already left out).

        ``layout`` is for HTML and PDF: "sheet" (A4 list to pin up) or "card" (A6 wallet card).
        """


_EXPORTERS: dict[ExportFormat, tuple[str, str]] = {
    ExportFormat.html: ("to_html", "HtmlExporter"),
    ExportFormat.pdf: ("to_pdf", "PdfExporter"),
    ExportFormat.md: ("to_markdown", "MarkdownExporter"),
    ExportFormat.csv: ("to_csv", "CsvExporter"),
    ExportFormat.vcf: ("to_vcard", "VcardExporter"),
}


def exporter_for(fmt: ExportFormat | str) -> Exporter:
    module_name, class_name = _EXPORTERS[ExportFormat(fmt)]
    module = importlib.import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)()
