"""The one interface every export format implements, and the registry from format to exporter.

Exporter modules are imported only when their format is asked for, so the heavy
libraries one format needs (WeasyPrint for PDF) never load for another.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .formats import ExportFormat

if TYPE_CHECKING:
    from ..query import Answer


@dataclass(frozen=True)
class ExportContext:
    """What an export needs besides the Answer."""

    lang: str
    dataset_version: str
    report_outdated: str  # where to report a wrong number (from the dataset's meta)
    order: str = "status"  # "status": ranked by what is open at Answer.at; "place": for any hour
    day_chart_svg: str | None = None  # inline SVG of the day's opening hours, when available
    day_chart_day: str | None = None  # the ISO date the chart shows
    layout: str = "sheet"  # HTML and PDF: "sheet" (A4 list to pin up) or "card" (A6 wallet card)


class MissingDependency(Exception):
    """A format needs libraries that are not installed; ``install`` says how to get them."""

    def __init__(self, what: str, install: str):
        self.what = what
        self.install = install
        super().__init__(f"{what} is not installed")


@runtime_checkable
class Exporter(Protocol):
    media_type: str
    binary: bool  # render() returns bytes when true, str otherwise

    def ensure_available(self) -> None:
        """Raise MissingDependency when the format cannot be produced here."""

    def render(self, answer: Answer, context: ExportContext) -> bytes | str:
        """The whole document for this Answer."""


_EXPORTERS: dict[ExportFormat, tuple[str, str]] = {
    ExportFormat.html: ("to_html", "HtmlExporter"),
    ExportFormat.pdf: ("to_pdf", "PdfExporter"),
    ExportFormat.md: ("to_markdown", "MarkdownExporter"),
    ExportFormat.csv: ("to_csv", "CsvExporter"),
    ExportFormat.vcf: ("to_vcard", "VcardExporter"),
}


def registered_formats() -> list[ExportFormat]:
    return list(_EXPORTERS)


def exporter_for(fmt: ExportFormat | str) -> Exporter:
    module_name, class_name = _EXPORTERS[ExportFormat(fmt)]
    module = importlib.import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)()
