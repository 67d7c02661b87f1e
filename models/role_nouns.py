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
HEADER = ("# Role nouns: singular common nouns set beside a person's name in at least {n} articles of\n"
          "# PolNeAR train, learned by `quote-attribution role-nouns` (models/role_nouns.py); do not\n"
          "# edit by hand. With data/titles.txt, they tell an occupation from other groups.\n")


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


def roles_beside_names(doc: Doc, lexicon: Lexicon) -> Iterator[str]:
    """The lower-cased singular nouns of one document that stand beside a name as a role."""
    for token in doc:
        if token.tag_ == "NN" and token.is_alpha and is_role_noun(token, lexicon) and _beside_a_name(token):
            yield token.lower_


def count(docs: Iterable[Doc], lexicon: Lexicon) -> Counter[str]:
    """Articles per role noun; a noun counts once per article."""
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(set(roles_beside_names(doc, lexicon)))
    return counts


def learn(counts: Counter[str], min_articles: int = MIN_ARTICLES) -> list[str]:
    """The nouns seen beside names in at least `min_articles` articles, alphabetically.

    >>> learn(Counter({"spokesman": 9, "lawyer": 3, "photo": 1}))
    ['lawyer', 'spokesman']
    """
    return sorted(noun for noun, n in counts.items() if n >= min_articles)


def write(nouns: list[str], path: Path, min_articles: int = MIN_ARTICLES) -> None:
    path.write_text(HEADER.format(n=min_articles) + "".join(f"{noun}\n" for noun in nouns), encoding="utf-8")
