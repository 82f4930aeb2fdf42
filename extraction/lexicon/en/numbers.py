"""Number words with their values, and the words that make a number a label or a measure rather than a
count."""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip

TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# The number words a sentence is first tested for (a count is not written "zero", and "fourty" is read,
# not sought).
TRIGGER_WORDS = (
    *(word for word in (*UNITS, *TENS) if word not in ("zero", "fourty")),
    "hundred",
    "thousand",
    "dozen",
)

# Labels that make the number after them no count ("No. 5", "aged 25", "Leopard 2"), lower-cased.
NOT_COUNT_WORDS = (
    "no.", "nos.", "number", "#", "aged", "age", "ages", "article", "resolution", "section", "chapter",
    "page", "p.", "pp.", "line", "highway", "route", "flight", "room", "block", "level", "phase", "stage",
    "vol", "vol.", "volume", "episode", "season", "part", "grade", "class", "type", "model", "mark", "mk",
    "version", "world war", "paragraph", "item", "clause", "decree", "law", "code", "order", "protocol",
    "minsk", "group of", "top", "usd", "eur", "uah", "rub", "rs", "rs.", "dollar", "dollars", "euro", "euros",
    "ages of", "between the ages of", "the age of", "year", "population of", "squad", "lot", "building",
    "house", "street", "st.", "road", "leopard", "challenger", "leclerc", "pzh", "tier", "gen", "patriot",
    "storm", "kn", "hwasong", "iskander", "tochka", "tor", "buk", "osa", "msta", "project",
    # "every one of those deaths", "each one": every one of a number, not a count of one.
    "every", "each",
)  # fmt: skip
