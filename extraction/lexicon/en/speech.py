"""Who says it: the verbs of speech, estimate and report that attribute a figure, and the auxiliaries and
adverbs that may stand before them."""

from __future__ import annotations

# Who says it. The verbs of speech, estimate and report that attribute a figure.
SPEECH_VERBS = (
    r"said|says|say|claimed|claims|claim|reported|reports|report|announced|announces|announce|stated|states|"
    r"added|adds|noted|notes|wrote|writes|estimated|estimates|estimate|believes|believe|confirmed|confirms|"
    r"told|tells|posted|posts|published|publishes|updated|updates|assessed|assesses|assess|indicated|"
    r"indicates|alleged|alleges|revealed|reveals|counted|counts|recorded|records|tallied|documented|"
    r"spoke|speaks|briefed|addressed|insisted|insists|boasted|boasts|asserted|asserts|informed|informs|specified|specifies|"
    r"detailed|details|explained|explains|acknowledged|acknowledges|admitted|admits|shared|shares|"
    r"put\s+the\s+figure|puts\s+the\s+figure|thinks|think|calculated|calculates|maintained|maintains|"
    # "The General Staff put Russian losses at ...": a speaker's estimate of a figure.
    r"puts?(?=\s+(?:[\w'’-]+\s+){0,4}(?:losses|casualties|toll|dead|number|figure|count|tally)\b)|"
    # "The General Staff released a video showing ...": the footage is its claim.
    r"releas(?:ed|es)\s+(?:a\s+|new\s+|the\s+)?(?:video|footage|clip|statement|figures|data|images|photos)"
)

AUXILIARIES = (
    r"(?:(?:also|now|previously|earlier|later|has|have|had|reportedly|officially|separately|further|then|"
    r"initially|recently|just|again|already|had\s+also|has\s+also|on\s+\w+day)\s+)*"
)
