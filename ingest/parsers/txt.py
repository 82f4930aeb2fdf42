"""Plain text files in whatever encoding the newsroom or the researcher's editor saved them."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ingest.parsers.base import (
    BINARY,
    EMPTY,
    ParsedDocument,
    ParseError,
    clean_text,
    headline,
    looks_binary,
)

# Legacy encodings news text really comes in, in the order that breaks ties: when two decode
# a file to the same characters (most of cp1250 and cp1252 agree), the first one wins.
LEGACY_ENCODINGS = ["cp1252", "cp1251", "koi8_r", "cp1250"]

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Well-formed UTF-8 sequences of two to four bytes.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ASCII = bytes(range(0x80))
_MAX_CHAOS = 0.25


def decode(data: bytes) -> str:
    """Bytes to text: a BOM if there is one, then UTF-8, then the likeliest legacy encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(_invalid_utf(encoding, exc.start)) from None
    if b"\x00" in data[:65536]:
        raise ParseError(BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(data):
        # Real UTF-8 with some bytes damaged (a cut-off download, a bad copy): guessing a
        # legacy encoding would turn every accented letter into two wrong ones.
        raise ParseError(_invalid_utf("utf-8", first_bad))
    return _decode_legacy(data)


def _invalid_utf(encoding: str, position: int) -> str:
    name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
    return (
        f"This file is not valid {name}: the bytes at position {position:,} are damaged. "
        f"Save it again as {name} and upload it."
    )


def _mostly_utf8(data: bytes) -> bool:
    non_ascii = len(data.translate(None, _ASCII))
    covered = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return non_ascii > 0 and covered * 2 >= non_ascii


def _decode_legacy(data: bytes) -> str:
    matches = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS)
    if not matches:
        raise ParseError(BINARY)
    best_chaos = min(m.chaos for m in matches)
    if best_chaos > _MAX_CHAOS:
        raise ParseError(BINARY)
    candidates = {enc for m in matches if m.chaos <= best_chaos + 0.01 for enc in m.could_be_from_charset}
    encoding = next(enc for enc in [*LEGACY_ENCODINGS, *sorted(candidates)] if enc in candidates)
    return data.decode(encoding, errors="replace")


def parse(data: bytes) -> ParsedDocument:
    decoded = decode(data)
    if looks_binary(decoded[:8192]):
        raise ParseError(BINARY)
    text = clean_text(decoded)
    if not text:
        raise ParseError(EMPTY)
    return ParsedDocument(text=text, kind="txt", title=headline(text))
