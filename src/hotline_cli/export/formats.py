"""The export formats the command offers. Standard library only: the CLI imports this at start-up."""

from __future__ import annotations

from enum import Enum


class ExportFormat(str, Enum):
    html = "html"
    pdf = "pdf"
    md = "md"
    csv = "csv"
    vcf = "vcf"
