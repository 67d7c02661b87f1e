"""Role nouns: the common nouns news writers set beside people's names, learned from a corpus.

Beside a name the title rules take any common noun as a role (`X, a chest physician`). Away
from a name they need to know the noun names an occupation: `two Democratic speechwriters`
have a role, `more voters` do not. Rather than type that list, it is read off news text: a
singular noun that stands, in several articles, where a role stands next to a person's name
(in apposition, `X, a spokesman`; compounded right before it, `spokesman X`; or stated by a
relative clause, `X, who is a lawyer`) names a role. The nouns seen in enough articles become
`data/role_nouns.txt`; `data/titles.txt` stays the hand-kept core.

Regenerate with `quote-attribution role-nouns --train ../shared/eval/polnear-train.jsonl`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .titles import is_role_noun

#: fewest articles a noun must stand beside a name in to be kept
MIN_ARTICLES = 3
#: least share of a noun's occurrences that stand beside a name
MIN_SHARE = 0.1
HEADER = ("# Role nouns: singular common nouns set beside a person's name in at least {n} articles of\n"
          "# PolNeAR train, and in at least {share} of their occurrences there; learned by\n"
          "# `quote-attribution role-nouns` (models/role_nouns.py), do not edit by hand. With\n"
          "# data/titles.txt, they tell an occupation from other groups.\n")


def _beside_a_name(noun: Token) -> bool:
    """Whether a noun stands where a role stands next to a PERSON name."""
    head = noun.head
    if noun.dep_ == "appos" and head.ent_type_ == "PERSON":  # `X, a spokesman`
        return True
    if noun.dep_ == "compound" and head.ent_type_ == "PERSON" and noun.doc[noun.i + 1].ent_type_ == "PERSON":
        return True  # `spokesman X`
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children):  # `the spokesman, X`
        return True
    clause = head if noun.dep_ == "attr" else None  # `X, who is a lawyer`
    return clause is not None and clause.dep_ == "relcl" and clause.head.ent_type_ == "PERSON"


def roles_beside_names(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[str, bool]]:
    """(noun, whether it stands beside a name as a role) for each singular common noun of a
    document that could name a role."""
    not_people = lexicon.org_nouns | lexicon.document_nouns  # `the firm, X`: the parser's apposition
    for token in doc:
        if token.tag_ == "NN" and token.is_alpha and token.lower_ not in not_people and is_role_noun(token, lexicon):
            yield token.lower_, _beside_a_name(token)


def count(docs: Iterable[Doc], lexicon: Lexicon) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(articles where the noun stands beside a name, its occurrences there, all its occurrences)."""
    articles: Counter[str] = Counter()
    beside: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for doc in docs:
        found = list(roles_beside_names(doc, lexicon))
        seen.update(noun for noun, _ in found)
        beside.update(noun for noun, is_role in found if is_role)
        articles.update({noun for noun, is_role in found if is_role})
    return articles, beside, seen


def learn(articles: Counter[str], beside: Counter[str], seen: Counter[str], min_articles: int = MIN_ARTICLES,
          min_share: float = MIN_SHARE) -> list[str]:
    """The nouns seen beside names in at least `min_articles` articles and, of all their
    occurrences, at least `min_share` there (`election` is beside a name by the parser's
    mistake a few times in thousands; `spokesman` mostly is), alphabetically.

    >>> learn(Counter(spokesman=9, election=3, photo=1), Counter(spokesman=30, election=3, photo=1),
    ...       Counter(spokesman=40, election=900, photo=5))
    ['spokesman']
    """
    return sorted(noun for noun, n in articles.items() if n >= min_articles and beside[noun] / seen[noun] >= min_share)


def write(nouns: list[str], path: Path, min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE) -> None:
    rows = "".join(f"{noun}\n" for noun in nouns)
    path.write_text(HEADER.format(n=min_articles, share=min_share) + rows, encoding="utf-8")
