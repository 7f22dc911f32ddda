"""Pure domain logic: models, validation, text cleaning, clocks.

Nothing in this package may import Textual or TinyDB (tests/unit/test_layering.py checks).
"""
