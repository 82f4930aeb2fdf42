"""Readers: a sentence's text in, what it mentions out (figures, hedges, times, nouns and verbs, side words,
speaker phrases, cues), each a pure function of the text with offsets in that text."""
