"""The export formats the command offers. Standard library only: the CLI imports this at start-up."""

from __future__ import annotations

from enum import Enum


class ExportFormat(str, Enum):
    html = "html"
    pdf = "pdf"
    md = "md"
    csv = "csv"
    vcf = "vcf"


class Layout(str, Enum):
    """How an HTML or PDF list is laid out."""

    sheet = "sheet"  # A4, every line: to pin on a wall
    card = "card"  # A6: 12356, the emergency numbers and the three best local lines, for a wallet
