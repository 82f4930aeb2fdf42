"""Property tests: on any text the engine returns claims whose evidence is the text at its offsets."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import Registries, extract

REGISTRIES = Registries.from_dicts(
    regions=[
        {"name": "Kursk Oblast", "aliases": ["Kursk region", "Kursk"], "country": "RU"},
        {"name": "Donetsk Oblast", "aliases": ["Donetsk region"], "country": "UA"},
    ],
    places=[
        {"name": "Pokrovsk", "aliases": ["Krasnoarmeisk"], "region": "Donetsk Oblast", "kind": "settlement"},
        {"name": "Sudzha", "aliases": ["Soedzja"], "region": "Kursk Oblast", "kind": "settlement"},
    ],
    units=[
        {
            "name": "47th Separate Mechanized Brigade",
            "aliases": ["47th Mechanized Brigade"],
            "side": "UA",
            "kind": "brigade",
        }
    ],
    claimants=[{"name": "Russian Defence Ministry", "aliases": ["Russia's Defence Ministry"], "side": "RU"}],
)

FRAGMENTS = [
    "Russia lost 1,610 men in one day on November 24, as per Ukrainian Defence Ministry figures.",
    "Over the past 24 hours, the Ukrainian Armed Forces have lost up to 485 servicemen near Kursk.",
    "Two armored vehicles, two cars, and one all-terrain vehicle were also allegedly hit.",
    "The 47th Mechanised Brigade said it had destroyed a Russian tank near Pokrovsk.",
    "tanks - 9,510 (+10); artillery systems - 20,880 (+33);",
    "Between 300 and 400 North Korean soldiers were killed or wounded on Dec. 14-15, Seoul said.",
    "Russia's Defence Ministry: \u201cThe enemy lost up to 95 servicemen near Soedzja.\u201d",
    "\u00ab A tank in service with the brigade is destroying Russian positions. \u00bb",
    "- Ukraine says 133,190 Russian troops have been killed since the war began",
    "The U.S. has sent more than 400 Stryker vehicles to Ukraine.",
    "Dec. 17 Maj. Gen. U.S. No. 5 T-72 Su-25 203mm $400 million 25% 30 km aged 25",
    "a THOUSAND twenty-five a dozen 2,000-4,000 1 610 1.2 million (+",
    "",
    "\n\n",
]


def _check(text: str) -> None:
    result = extract(text, published=datetime.date(2024, 11, 26), registries=REGISTRIES)
    assert isinstance(result.unverified, bool)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.evidence
        assert claim.evidence.strip() == claim.evidence
        data = claim.to_dict()
        assert data["category"] in {
            "killed",
            "wounded",
            "casualties",
            "captured",
            "equipment",
            "launched",
            "intercepted",
            "deployed",
            "engagement",
        }
        assert data["engine_version"]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_never_breaks_the_engine(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8), st.sampled_from(["\n", " ", "\n\n", "\r\n", ""]))
def test_war_reporting_fragments_keep_their_offsets(parts: list[str], joiner: str) -> None:
    _check(joiner.join(parts))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4), st.text(max_size=40))
def test_noise_between_fragments_keeps_offsets(parts: list[str], noise: str) -> None:
    _check(noise.join(parts))
