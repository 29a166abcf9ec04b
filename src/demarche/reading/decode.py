"""Bytes to text: encoding detection (utf-8, utf-16/32 with a BOM, cp1251, koi8-r, ...) and
newline normalisation."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from demarche.errors import InputError

# Bytes that never occur in text files; a few of them mean we are looking at a binary.
_BINARY_BYTES = set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | set(range(0x10, 0x1B))
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "mac_cyrillic", "iso8859_5", "cp866")
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What UTF-8 Cyrillic looks like when read as cp1251: "Р" or "С" and a cp1251 symbol.
# Invisible characters that make a text look non-empty to str.strip() but carry nothing.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_MOJIBAKE = re.compile("[РС][\u0402-\u040f\u0452-\u045f\u00a0-\u00bf\u2010-\u203a\u2116]")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_blank(text: str) -> bool:
    return not "".join(text.split()).strip(_INVISIBLE)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    odd = sum(1 for b in sample if b in _BINARY_BYTES)
    return odd > max(2, len(sample) // 100)


def decode_bytes(data: bytes, item: str) -> str:
    """Decode ``data``; raise ``InputError`` naming ``item`` when it is not text."""
    text = _decode(data, item)
    if is_blank(text):
        raise InputError(item, "empty input")
    return text


def _decode(data: bytes, item: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as error:
                raise InputError(item, f"invalid {encoding} at byte {error.start}") from None
    if not data.strip():
        raise InputError(item, "empty input")
    if looks_binary(data):
        raise InputError(item, "binary data, not text")
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            # Cut inside the last character (a truncated download): UTF-8 all the same.
            return normalize_newlines(data[: error.start].decode("utf-8"))
        if _mostly_utf8(data):
            raise InputError(
                item, f"invalid UTF-8 at byte {error.start} (a damaged UTF-8 file?)"
            ) from None
    best = from_bytes(data, cp_isolation=list(_CYRILLIC_CODECS)).best()
    if best is None or _mostly_unreadable(str(best)):
        best = from_bytes(data).best()
    if best is None:
        raise InputError(item, "cannot detect the text encoding")
    text = str(best)
    if _mostly_unreadable(text):
        raise InputError(item, f"undecodable bytes (best guess {best.encoding} gives no text)")
    if len(_MOJIBAKE.findall(text)) * 4 > sum(1 for c in text if c.isalpha()) // 2:
        raise InputError(item, f"reads as UTF-8 garbled into {best.encoding}; not stored")
    return normalize_newlines(text)


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences: a UTF-8 text with a few bad bytes.
    Legacy Cyrillic text is the opposite: its letters are almost never valid sequences."""
    decoded = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in decoded if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in decoded if c > "\x7f" and not "\udc80" <= c <= "\udcff")
    return valid >= 4 * invalid


def _mostly_unreadable(text: str) -> bool:
    letters = sum(1 for c in text if c.isalpha() or c.isspace())
    return letters < len(text) * 0.6
