"""Confidence: how likely a quotation is right, from the rule that found it and its speaker.

The base values per rule and type are in `data/confidence.tsv`, measured as the
precision of each rule on PolNeAR train and dev; the speaker adjusts them.
"""

from __future__ import annotations

DEFAULT = 0.5
NAMED_BONUS = 0.05
NO_SPEAKER_PENALTY = 0.15
UNRESOLVED_PENALTY = 0.1


def confidence(base: dict[tuple[str, str], float], rule: str, quote_type: str, has_speaker: bool,
               has_name: bool) -> float:
    """A value in [0, 1]; higher bands are more often right. `base` is the lexicon's table.

    >>> confidence({("clausal", "indirect"): 0.8}, "clausal", "indirect", True, True)  # a name adds 0.05
    0.85
    """
    value = base.get((rule, quote_type), DEFAULT)
    if not has_speaker:
        value -= NO_SPEAKER_PENALTY
    elif has_name:
        value += NAMED_BONUS
    else:
        value -= UNRESOLVED_PENALTY
    return round(min(0.99, max(0.01, value)), 3)
