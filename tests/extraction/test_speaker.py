"""``stages.speaker``: who speaks, resolved from registry claimants, units and the sentences before."""

from __future__ import annotations

from extraction.stages.speaker import claim_speaker, figure_speaker, speaker_of
from tests.extraction.reading import document


def test_a_registry_claimant_named_in_the_sentence_speaks() -> None:
    doc = document("Russia lost 1,610 soldiers yesterday, Ukraine's General Staff said.")
    speaker = speaker_of(doc, doc.sentences[0])
    assert speaker is not None
    assert (speaker.name, speaker.side, speaker.explicit) == (
        "General Staff of the Armed Forces of Ukraine",
        "UA",
        True,
    )


def test_the_unit_said_is_the_formation_named_before_the_speech_verb() -> None:
    doc = document("The 47th Mechanized Brigade destroyed two tanks near Avdiivka, the unit said.")
    speaker = speaker_of(doc, doc.sentences[0])
    assert speaker is not None
    assert (speaker.name, speaker.side, speaker.unit_speaker) == (
        "47th Separate Mechanized Brigade",
        "UA",
        True,
    )


def test_a_sentence_without_a_speaker_goes_on_in_the_voice_of_the_one_before() -> None:
    doc = document("Ukraine's General Staff said 1,100 soldiers were killed. Another 300 were wounded.")
    carried = claim_speaker(doc, doc.sentences[1])
    assert carried is not None
    assert carried.name == "General Staff of the Armed Forces of Ukraine" and not carried.explicit


def test_what_is_reportedly_so_has_no_speaker_carried_to_it() -> None:
    doc = document("Ukraine's General Staff said 1,100 soldiers were killed. 300 were reportedly wounded.")
    assert claim_speaker(doc, doc.sentences[1]) is None


def test_with_two_speakers_a_figure_takes_the_one_of_its_clause() -> None:
    doc = document("Kyiv said Russia had lost 500 troops, while Moscow said Ukraine had lost up to 700.")
    sentence = doc.sentences[0]
    first, second = doc.figures[sentence.index]
    default = speaker_of(doc, sentence)
    assert figure_speaker(doc, sentence, first, default).side == "UA"  # type: ignore[union-attr]
    assert figure_speaker(doc, sentence, second, default).side == "RU"  # type: ignore[union-attr]
