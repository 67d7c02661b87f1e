"""The project's scorer follows the reference scorer's definitions."""

from models.scoring import score

TEXT = "Ana Ruiz, the city's mayor, said the bridge would open."


def row(title: str | None, alts: list[str] | None = None) -> dict:
    quote = {"type": "indirect", "quote": {"start": 33, "end": 55, "text": TEXT[33:55]},
             "speaker": {"start": 0, "end": 8, "text": "Ana Ruiz"}, "cue": {"start": 28, "end": 32, "text": "said"},
             "speaker_name": "Ana Ruiz", "speaker_title": title}
    if alts is not None:
        quote["title_alts"] = alts
    return {"id": "a", "text": TEXT, "quotes": [quote]}


def test_a_title_matching_one_of_the_gold_alternatives_counts():
    report = score({"a": row("mayor of the city", ["city's mayor"])}, {"a": row("city's mayor")})
    assert report["name_title_acc_on_matched"] == 1.0


def test_a_title_matching_none_does_not():
    report = score({"a": row("mayor of the city", ["chief"])}, {"a": row("city treasurer")})
    assert report["name_acc_on_matched"] == 1.0 and report["name_title_acc_on_matched"] == 0.0
