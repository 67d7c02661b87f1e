"""First names and the gender they mostly go with, learned from news the rules have read.

A `he` needs a man to refer to. Where an article gives no evidence of a person's gender (no
`Mr.`, no `spokeswoman`, no `X said she ...`), the first name is the next best sign. The list
is learned, not typed: over an annotated training corpus (PolNeAR train), every person whose
article gives gender evidence (`SpeakerResolver`'s votes) counts one article for their first
name and that gender. Names seen in enough articles, with enough agreement, become
`data/first_names.tsv`, which the resolver consults only when the article itself is silent.

Regenerate with `quote-attribution first-names --train ../shared/eval/polnear-train.jsonl`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from .entities import repair_names
from .lexicon import Lexicon
from .speakers import SpeakerResolver, first_name

#: fewest articles a first name must be seen in, with evidence, to be kept
MIN_ARTICLES = 2
#: least share of those articles that must agree on the gender
MIN_AGREEMENT = 0.9
HEADER = ("# First names and gender (m or f), with the share of articles that agree and their number,\n"
          "# learned from PolNeAR train by `quote-attribution first-names` (models/first_names.py);\n"
          "# do not edit by hand. Used only where an article gives no evidence of its own.\n")


@dataclass(frozen=True, slots=True)
class FirstName:
    name: str
    gender: str
    agreement: float
    articles: int


def evidence(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[str, str]]:
    """(first name, gender) of each person whose article gives evidence of their gender."""
    repair_names(doc, lexicon)  # the names as the engine reads them
    for person in SpeakerResolver(doc, lexicon).people.values():
        name = first_name(person.name)
        if name is not None and name not in lexicon.honorifics and person.evidenced_gender:
            yield name, person.evidenced_gender


def count(docs: Iterable[Doc], lexicon: Lexicon) -> Counter[tuple[str, str]]:
    """Articles per (first name, gender); a name counts once per article."""
    counts: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        counts.update(set(evidence(doc, lexicon)))
    return counts


def learn(counts: Counter[tuple[str, str]], min_articles: int = MIN_ARTICLES,
          min_agreement: float = MIN_AGREEMENT) -> list[FirstName]:
    """The names that clear both thresholds, in alphabetical order.

    >>> learn(Counter({("kim", "f"): 3, ("kim", "m"): 2, ("tom", "m"): 4, ("ada", "f"): 1}))
    [FirstName(name='tom', gender='m', agreement=1.0, articles=4)]
    """
    by_name: dict[str, Counter[str]] = {}
    for (name, gender), n in counts.items():
        by_name.setdefault(name, Counter())[gender] += n
    kept = []
    for name, genders in by_name.items():
        (gender, n), total = genders.most_common(1)[0], sum(genders.values())
        if total >= min_articles and n / total >= min_agreement:
            kept.append(FirstName(name, gender, round(n / total, 3), total))
    return sorted(kept, key=lambda f: f.name)


def write(names: list[FirstName], path: Path) -> None:
    rows = "".join(f"{f.name}\t{f.gender}\t{f.agreement}\t{f.articles}\n" for f in names)
    path.write_text(HEADER + rows, encoding="utf-8")
