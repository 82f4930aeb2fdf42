"""``names`` and ``stages.names``: registry names in a token stream, unlisted units and places, and the
names of an article at its offsets."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from extraction.names import places
from extraction.names.registries import Registries
from extraction.names.tokens import norm_key, tokenize
from extraction.names.units import ordinal
from tests.extraction.reading import REGISTRIES, document


def test_tokens_drop_case_possessives_ordinal_suffixes_and_british_spellings() -> None:
    assert norm_key("Ukraine's 241-st Mechanised Brigade") == norm_key("ukraine 241 mechanized brigade")
    tokens = tokenize("The 47th Brigade")
    assert tokens.words == ["the", "47", "brigade"]


def test_the_longest_listed_name_wins_on_token_boundaries() -> None:
    registries = Registries.from_dicts(
        regions=[{"name": "Kursk Oblast", "aliases": ["Kursk"], "country": "RU"}],
        places=[{"name": "Kursk direction", "region": "Kursk Oblast", "kind": "direction"}],
    )
    hits = registries.place_matcher.find(tokenize("fighting in the Kursk direction"))
    assert [h.payload.name for h in hits] == ["Kursk direction"]
    assert registries.place_matcher.find(tokenize("Kurskaya")) == []


def test_the_document_holds_names_at_article_offsets() -> None:
    text = (
        "Headline about the front\nRussia lost 40 soldiers near Pokrovsk, the 47th Mechanized Brigade said."
    )
    doc = document(text)
    place = next(p for p in doc.places if p.place == "Pokrovsk")
    unit = doc.units[0]
    assert text[place.start : place.end] == "Pokrovsk"
    assert text[unit.start : unit.end] == unit.raw and unit.name == "47th Separate Mechanized Brigade"


def test_a_transliteration_variant_names_the_registry_place() -> None:
    doc = document("Ukrainian troops advanced near Soedzja on Monday.")
    assert [p.place for p in doc.places] == ["Sudzha"]


def test_a_fuzzy_match_scores_only_the_keys_that_can_reach_the_cutoff() -> None:
    """The keys ``_fuzzy_candidates`` scores give the same choice as scoring every key of a near length."""
    keys = REGISTRIES.fuzzy_keys
    rng = random.Random(2)
    letters = "abcdefghiklmnoprstuvz"
    words = []
    for key in rng.sample(keys, 300):
        word = list(key)
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(word) + 1)
            edit = rng.randrange(3)
            if edit == 0 and at < len(word):
                del word[at]
            elif edit == 1:
                word.insert(at, rng.choice(letters))
            elif at < len(word):
                word[at] = rng.choice(letters)
        words.append("".join(word))
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(7, 20))) for _ in range(300)]
    chosen = 0
    for word in (w for w in words if len(w) >= 7):
        near = [k for k in keys if 200 * min(len(k), len(word)) / (len(k) + len(word)) >= 87]
        every = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=88)
        assert places._fuzzy_choice(word, REGISTRIES) == (every[0] if every else None), word
        chosen += every is not None
    assert chosen > 100


def test_the_brigade_is_the_formation_of_that_kind_named_last() -> None:
    doc = document("The 47th Mechanized Brigade held Avdiivka. The brigade said it lost no tanks.")
    assert [u.name for u in doc.units] == ["47th Separate Mechanized Brigade"] * 2


def test_the_region_an_article_is_about() -> None:
    doc = document("Fighting near Pokrovsk went on. Russia attacked Kurakhove. Pokrovsk held.")
    assert doc.region == "Donetsk Oblast"
    assert REGISTRIES.region_by_name["Donetsk Oblast"].country == "UA"


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 21, 241)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "12th",
        "13th",
        "21st",
        "241st",
    ]
