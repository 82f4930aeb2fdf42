"""Verbs and verb-like words of interest, each with what it does to the counted thing (``kinds``), tried in
order; and the stems of the verbs of loss, for the cheap tests run before a sentence is read."""

from __future__ import annotations

from ..kinds import (
    V_AID,
    V_CAPTURE,
    V_CASUALTY,
    V_DEPLOY,
    V_DESTROY,
    V_EXCHANGE,
    V_INTERCEPT,
    V_KILL,
    V_LAUNCH,
    V_MOBILISE,
    V_WOUND,
)

VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:killed|dead)\s*(?:,|or|and|&)\s*(?:wounded|injured)|(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)|"
        r"killed,\s+wounded(?:,?\s+(?:or|and)\s+(?:captured|missing))?|"
        # "The enemy is down 254 people over the past day": a day's losses as a General Staff group puts them.
        r"(?:is|are|was|were)\s+down(?=\s+(?:by\s+)?(?:about\s+|some\s+|over\s+)?\d)",
        V_CASUALTY,
    ),
    # Men and machines alike are put out of action.
    (r"put\s+out\s+of\s+action|taken\s+out\s+of\s+action|out\s+of\s+action", V_DESTROY),
    (
        r"shot\s+down|shoot(?:s|ing)?\s+down|shooting\s+down|downed|downing|intercept(?:ed|s|ing)?|to\s+down|"
        r"brought\s+down|bring(?:ing)?\s+down|repelled|repell?ing|neutrali[sz]ed\s+by\s+air\s+defen[cs]e|"
        r"suppressed|jammed|(?:were|was)\s+(?:lost|locally\s+lost)\s+(?:in\s+location|due\s+to)",
        V_INTERCEPT,
    ),
    (
        r"launch(?:ed|es|ing)?|fired|fir(?:es|ing)|detected|tracked|picked\s+up|aimed|took\s+part|attacked\s+(?:[A-Za-z'’]+\s+){0,3}with|struck\s+(?:[A-Za-z'’]+\s+){0,3}with|"
        r"targeted\s+(?:[A-Za-z'’]+\s+){0,3}with|hit\s+(?:[A-Za-z'’]+\s+){0,3}with|unleashed|used|using|salvos?\s+of|barrage\s+of|wave\s+of|swarm\s+of|"
        r"overnight\s+(?:attack|strike)s?\s+(?:[A-Za-z'’]+\s+){0,3}(?:with|involving|of)|attack\s+(?:[A-Za-z'’]+\s+){0,3}"
        r"(?:involving|with)|strike\s+(?:[A-Za-z'’]+\s+){0,3}(?:involving|with)",
        V_LAUNCH,
    ),
    (
        r"killed|kill(?:s|ing)?|died|die|dying|perished|slain|lost\s+their\s+lives|dead|deaths?|shot\s+dead|"
        r"liquidat(?:ed|ing|es)|fatalities",
        V_KILL,
    ),
    (r"wounded|wound(?:s|ing)?|injured|injur(?:e|es|ing)|injuries|hurt(?:ing)?", V_WOUND),
    (
        r"captured|captur(?:e|es|ing)|taken\s+(?:prisoner|captive)|took\s+(?:[A-Za-z'’]+\s+){0,3}(?:prisoner|captive)|"
        r"tak(?:e|es|ing)\s+(?:[A-Za-z'’]+\s+){0,3}prisoner|surrendered|surrender(?:s|ing)?|in\s+captivity|"
        r"seized|(?:gave|give|gives|giving|given)\s+(?:themselves|himself)\s+up|"
        r"(?:laid|lay|lays|laying)\s+down\s+(?:their|his)\s+(?:arms|weapons)",
        V_CAPTURE,
    ),
    (
        r"deployed|deploy(?:s|ing|ment\s+of)?|committed|commit(?:s|ting)?|stationed|dispatched|dispatch(?:es|ing)?|transferred|transferr?ing|"
        r"amassed|massed|massing|concentrated|enlist(?:ed|ing)?(?:\s+the\s+help\s+of)?|the\s+help\s+of|"
        r"(?:has|have|had)\s+sent|sent|send(?:s|ing)?|arrived|arriving|brought\s+in|fighting\s+(?:in|alongside|for)|"
        r"reinforcements?\s+of|contingent\s+of|(?:are|were)\s+(?:now\s+)?(?:in|fighting|stationed)",
        V_DEPLOY,
    ),
    (
        r"destroyed|destroy(?:s|ing)?|destruction\s+of|hit|hitting|struck|strik(?:e|es|ing)|damaged|damag(?:e|es|ing)|"
        r"knocked\s+out|knock(?:s|ing)?\s+out|took\s+out|taken\s+out|tak(?:e|es|ing)\s+out|eliminated|"
        r"eliminat(?:e|es|ing)|elimination\s+of|neutrali[sz](?:ed|e|es|ing)|burn(?:ed|t|ing)|blown\s+up|"
        r"blew\s+up|blow(?:s|ing)?\s+up|disabled|disabl(?:e|es|ing)|wiped\s+out|wip(?:e|es|ing)\s+out|"
        r"lost|los(?:e|es|ing)|losses|loss\s+of|suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?|incurr?(?:ed|ing)|"
        r"inflict(?:ed|s|ing)?|caus(?:ed|ing)|"
        r"(?:was|were|been)\s+(?:[A-Za-z'’]+\s+)?(?:hit|struck)|sank|sunk|sinking|sink",
        V_DESTROY,
    ),
    (
        r"(?:has|have|had|will|would|to)\s+(?:[A-Za-z'’]+\s+)?(?:sent|send|provided?|supplied|supply|delivered|deliver|"
        r"donated|donate|pledged?|given|give|gave|transferred|transfer|handed\s+over)(?=\s+(?:[A-Za-z'’]+\s+){0,6}?"
        r"(?:to|for)\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian|Ukrainian))|"
        r"provid(?:ed|es|ing)|suppl(?:ied|ies|ying)|deliver(?:ed|s|ing|y|ies)|donat(?:ed|es|ing|ion)|pledg(?:ed|es|ing)|"
        r"gave|giv(?:en|es|ing)|handed\s+over|aid|package|shipments?|purchas(?:ed|es|ing|e)|bought|buy(?:s|ing)?|"
        r"acquir(?:ed|es|ing|e)|order(?:ed|ing)|produc(?:ed|es|ing|e|tion)|manufactur(?:ed|es|ing|e)|"
        r"build(?:s|ing)?|built|receiv(?:ed|es|ing|e)|obtain(?:ed|s|ing)?|export(?:ed|s|ing)?|sold|sell(?:s|ing)?|"
        r"stockpil(?:ed|es|ing|e)|possess(?:es|ed|ing)?|in\s+service|has\s+in\s+stock",
        V_AID,
    ),
    (
        r"exchang(?:ed|es|ing|e)|swap(?:ped|s|ping)?|return(?:ed|ing|s)?|releas(?:ed|es|ing|e)|freed|free(?:s|ing)?|"
        r"repatriat(?:ed|es|ing|e|ion)|handed\s+back|brought\s+(?:home|back)",
        V_EXCHANGE,
    ),
    (
        r"call(?:ed|ing|s)?\s+up|mobili[sz](?:ed|es|ing|e|ation)|recruit(?:ed|s|ing)?|conscript(?:ed|s|ing)?|"
        r"draft(?:ed|s|ing)?|train(?:ed|s|ing)?|enrol(?:l)?(?:ed|s|ing)?|sign(?:ed|s|ing)?\s+(?:up|contracts?)|"
        r"evacuat(?:ed|es|ing|e)|rescued|treated|hospitali[sz]ed",
        V_MOBILISE,
    ),
)

# Stems of the verbs of loss: a sentence without one (or a figure) holds no claim.
LOSS_STEMS = (
    "destroy", "hit", "struck", "strik", "knock", "took", "tak", "eliminat", "shot", "shoot", "down",
    "captur", "seiz", "disabl", "burn", "sank", "sunk", "sink", "blew", "blow", "wip", "damag", "lost", "los",
    "intercept", "kill", "wound", "injur", "prisoner", "captive",
)  # fmt: skip
# Stems that, with the above, can make a single item a claim ("launched a missile").
ATTACK_STEMS = ("launch", "fired", "attack")
