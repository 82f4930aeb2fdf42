"""Names: the registries (regions, places, units, claimants), the token stream and the Aho-Corasick matcher
that find them in a text, and the readers of places and units the registries do not list."""
