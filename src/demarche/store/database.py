"""Opening a store: engine, connection settings and migrations, for SQLite or PostgreSQL."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from demarche.errors import DemarcheError


class StoreError(DemarcheError):
    """The store cannot be opened or written."""


def default_db_path() -> Path:
    return Path(user_data_dir("demarche", appauthor=False)) / "demarche.db"


def database_url(db: str | Path | None) -> str:
    """``--db`` as given: a path means SQLite, a ``postgresql://`` URL means PostgreSQL."""
    if db is None:
        db = default_db_path()
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def create_store_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection, _record) -> None:
    # WAL keeps readers unblocked during ingest and survives kill -9 without a torn write.
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    config = Config()
    config.set_main_option("script_location", str(files("demarche.store") / "migrations"))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StoreError(f"cannot open store {engine.url!r}: {error.__class__.__name__}") from None
