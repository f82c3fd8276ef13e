"""TinyDB repositories: plain methods returning domain objects; atomic writes; a file lock per database."""

from vlogkit.store.db import SCHEMA_VERSION, Database
from vlogkit.store.library import LibraryRepository

__all__ = ["SCHEMA_VERSION", "Database", "LibraryRepository"]
