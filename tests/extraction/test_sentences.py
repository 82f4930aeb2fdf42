"""``readers.sentences``: an article split into sentences, headlines, captions and bullets their own."""

from __future__ import annotations

from extraction.readers.sentences import split_sentences


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Maj. Gen. Ryder spoke on Dec. 17 in the U.S. capital. No. 5 was next. Then came the rest."
    pieces = [s.text for s in split_sentences(text)]
    assert pieces == [
        "Maj. Gen. Ryder spoke on Dec. 17 in the U.S. capital.",
        "No. 5 was next.",
        "Then came the rest.",
    ]


def test_headlines_captions_and_bullets_are_their_own_sentences() -> None:
    text = (
        "Ukraine claims 50 kills\n- Ukraine says 133,190 Russian troops have been killed\n"
        "Photo: Reuters\nBody. Text."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Ukraine claims 50 kills",
        "Ukraine says 133,190 Russian troops have been killed",
        "Photo: Reuters",
        "Body.",
        "Text.",
    ]
    assert [s.headline for s in sentences] == [True, True, True, False, False]


def test_quotes_stay_with_their_sentence() -> None:
    text = (
        "He added: \u00ab A tank is destroying positions. \u00bb The next one. \u201cWe hold,\u201d he said."
    )
    assert [s.text for s in split_sentences(text)] == [
        "He added: \u00ab A tank is destroying positions. \u00bb",
        "The next one.",
        "\u201cWe hold,\u201d he said.",
    ]


def test_offsets_are_exact() -> None:
    text = "  First line.\n\n  Second one here!  \nThird"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_text_without_full_stops_is_read_in_stretches_no_longer_than_the_bound():
    from extraction.readers.sentences import MAX_SENTENCE

    clause = "Russian forces lost 40 soldiers near Pokrovsk, the army said; "
    text = clause * 200  # 12,600 characters, no full stop
    sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    # Cut after a semicolon where one is in reach, never inside a word, and every character kept in order.
    assert all(s.text.endswith(";") for s in sentences[:-1])
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_a_sentence_under_the_bound_is_never_cut():
    from extraction.readers.sentences import MAX_SENTENCE

    text = "Ukraine said " + ", ".join(f"{n} tanks" for n in range(150)) + "."
    assert len(text) < MAX_SENTENCE
    assert [s.text for s in split_sentences(text)] == [text]
