"""The main file's schema version, alone so the fast read path can know it without importing
the migrations (see ``migrations.py`` for the steps between versions)."""

SCHEMA_VERSION = 4
META_TABLE = "_meta"
