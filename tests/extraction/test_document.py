"""``document`` and ``pipeline``: the readings a stage sees are at article offsets, and the stages run in
order over one document."""

from __future__ import annotations

import pytest

from extraction import extract
from extraction.document import Upto
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
    upto = doc.upto[sentence.index]
    prefix = TEXT[: sentence.end]
    assert len(upto) == len(prefix) and upto[:] == prefix and upto[5:] == prefix[5:]


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


@pytest.mark.parametrize(
    "key",
    [slice(None), slice(3, None), slice(3, 9), slice(-5, None), slice(2, -3), slice(40, 10_000), slice(0, 0)],
)
def test_the_text_up_to_a_sentence_reads_as_the_prefix_would_without_copying_it(key):
    text = "One sentence here. And a second one, longer. Third."
    prefix = text[:44]
    upto = Upto(text, 44)
    assert upto[key] == prefix[key]
    for sub, start, end in ((".", 0, None), (".", 5, 30), ("T", 0, None), ("n", 10, 60)):
        assert upto.find(sub, start, end) == prefix.find(sub, start, end)
        assert upto.rfind(sub, start, end) == prefix.rfind(sub, start, end)
