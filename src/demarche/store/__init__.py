"""Stage 6: the corpus store (SQLite by default, PostgreSQL for teams)."""

from demarche.store.database import StoreError, default_db_path
from demarche.store.search import Filters, SearchHit
from demarche.store.store import Store

__all__ = ["Filters", "SearchHit", "Store", "StoreError", "default_db_path"]
