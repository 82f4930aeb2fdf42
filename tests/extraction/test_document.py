"""``document`` and ``pipeline``: the readings a stage sees are at article offsets, and the stages run in
order over one document."""

from __future__ import annotations

from extraction import extract
from extraction.pipeline import STAGES
from tests.extraction.reading import PUBLISHED, REGISTRIES, document

TEXT = "Headline\nRussia lost up to 1,610 soldiers near Pokrovsk yesterday, Ukraine's General Staff said."


def test_every_reading_is_at_article_offsets() -> None:
    doc = document(TEXT)
    sentence = doc.sentences[1]
    (figure,) = doc.figures[sentence.index]
    assert TEXT[figure.start : figure.end] == "1,610" and TEXT[figure.qstart : figure.start] == "up to "
    assert {TEXT[n.start : n.end] for n in doc.nouns[sentence.index]} == {"soldiers"}
    assert [TEXT[t.start : t.end] for t in doc.times[sentence.index]] == ["yesterday"]
    assert [TEXT[m.start : m.end] for m in doc.sides[sentence.index]] == ["Russia", "Ukraine's"]
    (attribution,) = doc.attributions[sentence.index]
    assert TEXT[attribution.start : attribution.end].startswith("Ukraine's General Staff")
    assert doc.upto[sentence.index] == TEXT[: sentence.end]


def test_a_clause_is_found_at_article_offsets() -> None:
    text = "Intro.\nKyiv said 500 were killed, while Moscow said 700 were."
    doc = document(text)
    sentence = doc.sentences[1]
    moscow = text.index("Moscow")
    assert (
        text[doc.clause_start(sentence, moscow) : doc.clause_end(sentence, moscow)]
        == " Moscow said 700 were."
    )


def test_the_stages_in_order() -> None:
    assert [stage.__name__ for stage in STAGES] == [
        "find_names",
        "read_claims",
        "add_engagements",
        "merge_repeats",
    ]


def test_an_empty_article_has_no_claims() -> None:
    result = extract("", published=PUBLISHED, registries=REGISTRIES)
    assert (result.claims, result.unverified) == ([], False)
