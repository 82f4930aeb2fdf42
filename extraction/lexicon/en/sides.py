"""Words that name a side: its states, capitals, leaders and forces; "the enemy"; and "they"."""

from __future__ import annotations

from ..kinds import ENEMY, KP, OTHER, PRONOUN, RU, UA

SIDE_WORDS: tuple[tuple[str, str], ...] = (
    (
        KP,
        r"North[\s-]Korean?s?(?:'s|’s)?|North\s+Korea(?:'s|’s)?|DPRK(?:'s|’s)?|Pyongyang(?:'s|’s)?|"
        r"Kim\s+Jong[\s-]?[Uu]n(?:'s|’s)?|KPA|Korean\s+People's\s+Army",
    ),
    (
        OTHER,
        r"South[\s-]Korean?s?(?:'s|’s)?|South\s+Korea(?:'s|’s)?|Seoul(?:'s|’s)?|Pentagon(?:'s|’s)?|"
        r"U\.S\.|United\s+States|Americans?|Washington(?:'s|’s)?|U\.K\.|United\s+Kingdom|British|Britain(?:'s)?|"
        r"NATO(?:'s)?|ISW|Institute\s+for\s+the\s+Study\s+of\s+War|Mediazona|Oryx|BBC|Reuters|CNN|"
        r"(?:the\s+)?UN\b|United\s+Nations|Western|Germany(?:'s)?|German|France(?:'s)?|French|Poland|Polish|"
        r"Belarus(?:ian)?|Israel(?:i)?|Iran(?:ian)?|Chinese|China|Japan(?:ese)?|Estonia(?:n)?|Lithuania(?:n)?|"
        r"Latvia(?:n)?|Finland|Finnish|Sweden|Swedish|Norway|Norwegian|Denmark|Danish|Dutch|Netherlands|"
        r"Canada|Canadian|Australia(?:n)?|European|EU|OSINT",
    ),
    (
        RU,
        r"Russian(?:s|'s|’s)?|Russia(?:'s|’s)?|Moscow(?:'s|’s)?|Kremlin(?:'s|’s)?|Putin(?:'s|’s)?|Wagner(?:'s)?|"
        r"Rosgvardia|Kadyrov(?:'s|ites)?|Chechens?|Akhmat|[Rr]ashists?|Shoigu|Belousov|Gerasimov|Peskov|"
        r"Konashenkov|Soviet",
    ),
    (
        UA,
        r"Ukrainian(?:s|'s|’s)?|Ukraine(?:'s|’s)?|Kyiv(?:'s|’s)?|Kiev(?:'s|’s)?|Zelensk(?:yy|y|iy|i)(?:'s|’s)?|"
        r"AFU|ZSU|Syrskyi(?:'s)?|Budanov(?:'s)?|HUR|SBU|Ukrinform|Ukrainska\s+Pravda",
    ),
    (
        ENEMY,
        r"(?i:enemy(?:'s|’s)?|enemies|occupiers|occupying\s+forces|occupation\s+forces|invaders|invading\s+forces|"
        r"(?:the\s+)?adversary|(?:the\s+)?opponent|orcs|occupants)",
    ),
    (PRONOUN, r"\b(?:[Tt]hey|[Tt]heir|[Tt]hem)\b"),
)
