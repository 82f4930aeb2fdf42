"""The kinds the vocabularies sort words into, the same in every language."""

from __future__ import annotations

from ..schema import Side

# What a noun makes of the figure it counts. PERSONNEL: people; KILLED, WOUNDED, CASUALTIES, CAPTURED: a
# loss noun that names the category itself ("300 dead", "1,950 casualties"); "eq:<type>": equipment of a
# type; CIVILIANS: people no side fights with (residents, children), counted when a strike kills or wounds
# them; SKIP: a head noun that makes the figure something else (villages, shells, videos, refugees).
PERSONNEL = "personnel"
CIVILIANS = "civilians"
KILLED = "killed"
WOUNDED = "wounded"
CASUALTIES = "casualties"
CAPTURED = "captured"
SKIP = "skip"

# What a verb does to the counted thing.
V_KILL = "kill"
V_WOUND = "wound"
V_CASUALTY = "casualty"  # lost, suffered, eliminated: personnel losses unsplit
V_CAPTURE = "capture"
V_DEPLOY = "deploy"
V_DESTROY = "destroy"
V_INTERCEPT = "intercept"
V_LAUNCH = "launch"
V_AID = "aid"  # deliveries, production, purchases: never a loss
V_EXCHANGE = "exchange"  # prisoner swaps, returns of bodies
V_MOBILISE = "mobilise"  # call-ups, recruitment, training

# The sides a side word names; "enemy" is the side opposite the claimant's, "pronoun" whom "they" means.
UA, RU, KP, OTHER = Side.UA.value, Side.RU.value, Side.KP.value, Side.OTHER.value
ENEMY = "enemy"
PRONOUN = "pronoun"
