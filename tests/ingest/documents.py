"""Small files for the ingest tests, built here so every byte of them is visible."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

ARTICLE = (
    "Russia lost 1,610 men in a day\n"
    "Russia lost 1,610 troops over the past day, Ukraine's General Staff said on Nov. 25, 2024.\n"
    "The figures could not be independently verified.\n"
)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(
    lines: list[str] | None = None,
    *,
    title: str | None = None,
    created: str | None = None,
    password: str | None = None,
) -> bytes:
    """A one-page PDF whose text layer holds `lines` (none: a page with no text, like a scan)."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    if lines:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        shown = " 0 -16 Td ".join(f"({_escape(line)}) Tj" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 11 Tf 72 720 Td {shown} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    info = {}
    if title:
        info["/Title"] = title
    if created:
        info["/CreationDate"] = created
    if info:
        writer.add_metadata(info)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def html_page(body: str, head: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()
    )
