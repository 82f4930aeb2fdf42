"""Parsers: bytes in, text and metadata out, or a message the uploader can act on."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from ingest.parsers import ParseError, clean_text, date_in_text, parse, parse_pasted, safe_file_name
from tests.ingest.documents import ARTICLE, html_page, pdf_bytes

RUSSIAN = (
    "Генштаб ВСУ: Россия потеряла 1610 военных за сутки\nЭто данные на 25 ноября 2024 года, сообщил штаб.\n"
)
UKRAINIAN = "Росія втратила 1610 військових за добу\nЇхні втрати зростають, повідомив Генштаб ЗСУ.\n"
FRENCH = (
    "Le ministère a déclaré que l'armée russe a perdu 1 200 soldats.\nCôté ukrainien, pas de commentaire.\n"
)
ENGLISH_SMART = (
    "Russia\u2019s \u201cmeat\u201d assaults\nUkraine said 1,200 troops were killed \u2014 a record.\n"
)


def refused(name: str, data: bytes) -> str:
    with pytest.raises(ParseError) as caught:
        parse(name, data)
    return caught.value.message


# --- text files ------------------------------------------------------------------------------


def test_it_reads_utf8_text_and_takes_a_headline_first_line_as_title():
    doc = parse("a.txt", ARTICLE.encode())
    assert doc.kind == "txt"
    assert doc.title == "Russia lost 1,610 men in a day"
    assert doc.text == ARTICLE.strip()


def test_a_first_line_that_is_a_sentence_is_not_a_title():
    doc = parse("a.txt", b"Russia lost 1,610 troops over the past day, Ukraine said.\nMore text.\n")
    assert doc.title == ""


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ARTICLE, "utf-8-sig"),
        (RUSSIAN, "utf-8-sig"),
        (RUSSIAN, "cp1251"),
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (FRENCH, "cp1252"),
        (ENGLISH_SMART, "cp1252"),
        (RUSSIAN, "utf-16"),
    ],
)
def test_it_detects_the_encoding(text, encoding):
    assert parse("a.txt", text.encode(encoding)).text == text.strip()


def test_windows_line_endings_and_control_characters_are_cleaned():
    doc = parse("a.txt", b"Title line here\r\nBody one.\x07\r\nBody two.\x1b\r\n")
    assert doc.text == "Title line here\nBody one.\nBody two."


def test_it_refuses_an_empty_file():
    assert refused("a.txt", b"") == "This file is empty or holds only whitespace."


def test_it_refuses_a_whitespace_only_file():
    assert refused("a.txt", b"  \r\n\t \n  ") == "This file is empty or holds only whitespace."


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(1, 256)) * 8,
        bytes(range(1, 32)) * 40,
    ],
    ids=["png", "zip", "control-bytes"],
)
def test_it_refuses_binary_data_named_txt(data):
    assert (
        refused("photo.txt", data)
        == "This file holds binary data, not text; upload the article as .txt, .html or .pdf."
    )


def test_it_refuses_damaged_utf8_rather_than_guessing():
    data = "Генштаб: Россия потеряла 1610 военных. Київ, Харків, Суми.".encode() + b"\xd0 broken \xc3("
    position = data.index(b"\xd0 broken")
    assert refused("a.txt", data) == (
        f"This file is not valid UTF-8: the bytes at position {position:,} are damaged. "
        "Save it again as UTF-8 and upload it."
    )


def test_it_refuses_a_bom_file_whose_utf8_is_damaged():
    message = refused("a.txt", codecs.BOM_UTF8 + b"Russia lost \xff\xfe men")
    assert message.startswith("This file is not valid UTF-8: the bytes at position 12 are damaged.")


# --- names and extensions --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.docx", "notes.md", "archive.tar.gz", "README"])
def test_it_refuses_an_extension_it_does_not_read(name):
    message = refused(name, b"Russia lost 1,610 men.")
    assert message.endswith("can't be read; upload .txt, .html, .htm or .pdf files.")
    assert message.startswith("Files ending in ." if "." in name else "Files without an ending")


def test_the_extension_check_names_the_ending():
    assert (
        refused("report.DOCX", b"x")
        == "Files ending in .docx can't be read; upload .txt, .html, .htm or .pdf files."
    )


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\x\\Desktop\\story.txt", "story.txt"),
        ("a\x00b\nc\r\x1b[31m.txt", "abc[31m.txt"),
        ("..\u202egnp.txt", "gnp.txt"),
        ("...hidden.txt", "hidden.txt"),
        ("/", "unnamed"),
        ("x" * 400 + ".pdf", "x" * 251 + ".pdf"),
    ],
)
def test_file_names_lose_folders_and_control_characters(name, safe):
    assert safe_file_name(name) == safe


def test_a_pdf_renamed_to_txt_is_read_as_a_pdf():
    doc = parse("story.txt", pdf_bytes(["Russia lost 1,610 men, Ukraine said."]))
    assert doc.kind == "pdf"


# --- HTML ------------------------------------------------------------------------------------

PAGE = html_page(
    head=(
        "<title>Russia lost 1,610 men | Kyiv Daily</title>"
        '<meta property="og:site_name" content="Kyiv Daily">'
        '<meta property="og:title" content="Russia lost 1,610 men in a day">'
        '<meta property="article:published_time" content="2024-11-25T10:00:00Z">'
        '<link rel="canonical" href="https://kyivdaily.example/russia-lost-1610/">'
        "<script>var leak = 'SCRIPT-IN-HEAD';</script><style>p { color: red }</style>"
    ),
    body=(
        '<nav><a href="/">Home</a> <a href="/news">NAV-LINK</a></nav>'
        "<article><h1>Russia lost 1,610 men in a day</h1>"
        "<p>Russia lost 1,610 troops over the past day, bringing its total losses since the full-scale "
        "invasion "
        "began to 726,570, the General Staff of Ukraine's Armed Forces reported on Nov. 25.</p>"
        "<script>document.write('SCRIPT-IN-BODY')</script>"
        "<p>According to the report, Russia also lost 9 tanks, 19 armored fighting vehicles and 51 artillery "
        "systems. The figures could not be independently verified.</p></article>"
        "<footer>Copyright FOOTER</footer>"
    ),
)


def test_it_reads_a_saved_web_page_with_its_metadata():
    doc = parse("page.html", PAGE)
    assert doc.kind == "html"
    assert "Russia lost 1,610 troops over the past day" in doc.text
    assert doc.title == "Russia lost 1,610 men in a day"
    assert doc.published == date(2024, 11, 25)
    assert doc.outlet == "Kyiv Daily"
    assert doc.url == "https://kyivdaily.example/russia-lost-1610/"


def test_html_text_has_no_scripts_styles_or_navigation():
    text = parse("page.htm", PAGE).text
    for leak in ("SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "color: red", "NAV-LINK", "<script", "document.write"):
        assert leak not in text


def test_it_refuses_a_page_that_is_all_script_and_style():
    page = html_page(
        head="<script>alert('x')</script><style>body{}</style>",
        body="<script>var a = 'Russia lost 99 tanks';</script><style>.x{}</style>",
    )
    assert (
        refused("page.html", page)
        == "This page has no readable article text, only markup, scripts or styles."
    )


def test_a_short_page_still_gives_its_text():
    assert parse("p.html", html_page("<p>Russia lost 9 tanks.</p>")).text == "Russia lost 9 tanks."


def test_a_relative_canonical_link_is_not_taken_as_the_url():
    page = html_page(
        "<article><p>" + "Russia lost 1,610 men on Monday. " * 10 + "</p></article>",
        head='<link rel="canonical" href="/relative/path">',
    )
    assert parse("p.html", page).url == ""


# --- PDF -------------------------------------------------------------------------------------


def test_it_reads_a_pdf_text_layer_title_and_creation_date():
    data = pdf_bytes(
        ["Russia lost 1,610 men on Nov. 24, the General Staff said.", "Second line."],
        title="Daily losses",
        created="D:20241125103000+02'00'",
    )
    doc = parse("report.pdf", data)
    assert doc.kind == "pdf"
    assert doc.text == "Russia lost 1,610 men on Nov. 24, the General Staff said.\nSecond line."
    assert doc.title == "Daily losses"
    assert doc.published == date(2024, 11, 25)


def test_it_refuses_a_broken_pdf():
    assert refused("report.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage\n%%EOF") == (
        "This PDF is damaged and cannot be read."
    )


def test_it_refuses_a_truncated_pdf():
    data = pdf_bytes(["Russia lost 1,610 men."])
    assert refused("report.pdf", data[: len(data) // 3]) == "This PDF is damaged and cannot be read."


def test_it_refuses_a_password_protected_pdf():
    data = pdf_bytes(["Russia lost 1,610 men."], password="secret")
    assert (
        refused("report.pdf", data)
        == "This PDF is password-protected; remove the password and upload it again."
    )


def test_it_refuses_a_pdf_with_no_text_layer():
    assert refused("scan.pdf", pdf_bytes(None)) == "This PDF seems to be a scan with no text to read."


# --- dates and pasted text ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kyiv, November 24, 2024 - Russia lost 1,610 men.", date(2024, 11, 24)),
        ("Updated: 24 Nov 2024. Losses since February 24, 2022 are high.", date(2024, 11, 24)),
        ("Published 2024-11-24T10:00", date(2024, 11, 24)),
        ("Sept. 3, 2023: Russia said ...", date(2023, 9, 3)),
        ("On Monday Russia lost 1,610 men.", None),
        ("By February 30, 2024 nothing.", None),
        ("Planned for December 1, 2099.", None),
    ],
)
def test_a_date_in_the_text_is_the_latest_full_date_not_in_the_future(text, found):
    assert date_in_text(text, not_after=date(2025, 1, 1)) == found


def test_pasted_text_keeps_its_title_and_refuses_whitespace():
    assert parse_pasted("  Russia lost 9 tanks.  ", title="  Tanks  ").title == "Tanks"
    with pytest.raises(ParseError, match="empty or holds only whitespace"):
        parse_pasted(" \n\t ")


def test_titles_and_site_names_lose_control_characters():
    page = html_page(
        "<article><p>Russia lost 9 tanks on Monday, the General Staff said in its report.</p></article>",
        head='<title>Nine\x0b tanks\x1b</title><meta property="og:site_name" content="Kyiv\u200b Daily\x07">',
    )
    doc = parse("p.html", page)
    assert (doc.title, doc.outlet) == ("Nine tanks", "Kyiv Daily")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Russia lost 9 tanks.\r\nIt said so.\tEnd", "Russia lost 9 tanks.\nIt said so.\tEnd"),
        (
            "\x00Росія\u200b втратила 1\u00a0200 солдатів\ufeff.\u2028Далі\ue000",
            "Росія втратила 1\u00a0200 солдатів.\nДалі",
        ),
        ("  \x07\x1b[0m 48 drones\x7f ", "[0m 48 drones"),
    ],
)
def test_clean_text_keeps_printable_text_and_drops_control_format_and_private_characters(raw, clean):
    assert clean_text(raw) == clean
