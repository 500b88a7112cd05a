"""Presentations of a query result. Each module only formats; no ranking or filtering here."""
