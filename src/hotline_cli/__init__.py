"""hotline: which psychological-assistance hotline in mainland China can I call right now?"""

__version__ = "0.1.0"
