"""What the entity recogniser's labels mean to the rules, each idea defined once.

The rules ask three questions of an entity label: can it speak (a person, or a body that speaks
as one: `Russia said`, `Democrats argue`), is it a body a person belongs to (`a spokesman for the
Kremlin`), is it a place. The sets overlap on purpose: a country is a body and a place.
"""

from __future__ import annotations

PERSON = "PERSON"
#: organisations, countries and cities, nationalities and parties: bodies people belong to and
#: that speak as one
BODIES = frozenset({"ORG", "GPE", "NORP"})
#: bodies that are not people: organisations, countries and cities (`NORP`, `Democrats`, are)
INSTITUTIONS = frozenset({"ORG", "GPE"})
#: who can be the source of an attribution
SPEAKERS = BODIES | {PERSON}
#: where something is: never a role (`Ohio`), and a place before a title is no employer's name
PLACES = frozenset({"GPE", "LOC", "NORP"})
#: the entities whose names make a `Name:` line's label a speaker (`labels.py`): people and
#: organisations
NAMED_SOURCES = frozenset({PERSON, "ORG"})
