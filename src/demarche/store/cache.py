"""Answers of read queries kept per store until the store changes.

Under 32 concurrent clients one server process spent most of its time recomputing the same
aggregates (the actors list, the agreements registry, the home page's overview, popular
searches) over data that had not changed. Each answer is kept pickled (a caller may mutate
what it gets; unpickling is several times cheaper than a deep copy) and is valid only while
the store's stamp is the one it was computed under.

The stamp changes on every write: a write through this process bumps a counter, and a
commit by another process (``demarche ingest`` next to ``demarche serve``) changes the
SQLite file or its write-ahead log, whose size and modification time are part of the stamp.
PostgreSQL has no such cheap signal, so there answers are not cached.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

# Bounds: entries and pickled bytes. An actors list of a 100k-document store is ~1 MB.
MAX_ENTRIES = 512
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024


class ResultCache:
    """An LRU of pickled answers, each tagged with the stamp it was computed under."""

    def __init__(self, path: str | None) -> None:
        # the SQLite file, or None when the backend gives no cross-process change signal
        self._path = path
        self._generation = 0
        self._entries: OrderedDict[Hashable, tuple[Hashable, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self._path is not None

    def invalidate(self) -> None:
        """Called after every write through this process."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._bytes = 0

    def stamp(self) -> Hashable:
        files = []
        for path in (self._path, f"{self._path}-wal"):
            try:
                info = os.stat(path)
            except FileNotFoundError:
                files.append(None)
            else:
                files.append((info.st_mtime_ns, info.st_size, info.st_ino))
        return self._generation, tuple(files)

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self._path is None:
            return compute()
        stamp = self.stamp()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == stamp:
                self._entries.move_to_end(key)
                return pickle.loads(entry[1])
        value = compute()
        # a write that landed while computing leaves the stamp changed: don't keep the value
        if self.stamp() != stamp:
            return value
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) > MAX_ENTRY_BYTES:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (stamp, data)
            self._bytes += len(data)
            while len(self._entries) > MAX_ENTRIES or self._bytes > MAX_BYTES:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)
        return value
