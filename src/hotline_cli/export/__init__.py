"""Printable and importable lists made from one `Answer`: HTML, PDF, Markdown, CSV, vCard.

Each format lives in its own module behind the small interface in ``base.py``;
none of them ranks or filters: they present the Answer they are given.
"""
