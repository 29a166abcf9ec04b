"""Bytes to text: encoding detection (utf-8, cp1251, koi8-r, ...) and newline normalisation."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from demarche.errors import InputError

# Bytes that never occur in text files; a few of them mean we are looking at a binary.
_BINARY_BYTES = set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B))
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "mac_cyrillic", "iso8859_5", "cp866")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    odd = sum(1 for b in sample if b in _BINARY_BYTES)
    return odd > max(2, len(sample) // 100)


def decode_bytes(data: bytes, item: str) -> str:
    """Decode ``data``; raise ``InputError`` naming ``item`` when it is not text."""
    if not data.strip():
        raise InputError(item, "empty input")
    if looks_binary(data):
        raise InputError(item, "binary data, not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(_CYRILLIC_CODECS)).best()
    if best is None or _mostly_unreadable(str(best)):
        best = from_bytes(data).best()
    if best is None:
        raise InputError(item, "cannot detect the text encoding")
    text = str(best)
    if _mostly_unreadable(text):
        raise InputError(item, f"undecodable bytes (best guess {best.encoding} gives no text)")
    return normalize_newlines(text)


def _mostly_unreadable(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return letters < len(text) * 0.6
