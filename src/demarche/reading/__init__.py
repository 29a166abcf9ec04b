"""Stage 1: read documents from files, directories, stdin and JSON lines."""

from demarche.reading.sources import DEFAULT_MAX_BYTES, RawDocument, ReadFailure, read_sources

__all__ = ["DEFAULT_MAX_BYTES", "RawDocument", "ReadFailure", "read_sources"]
