"""The spaCy component: `nlp.add_pipe("quote_attribution")` puts quotes on `doc._.quotes`.

It needs a parser and an entity recogniser before it; it writes a list of `Quote`
to `doc._.quotes` and a list of `Speaker` to `doc._.quote_speakers`.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .attribution import attribute
from .entities import repair_names
from .lexicon import Lexicon, load_lexicon
from .results import build

for _name in ("quotes", "quote_speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuoteAttribution:
    """Finds and attributes the quotations of each document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # joined from the tokens on each access: once per document
        repair_names(doc)
        quotes, speakers = build(doc, text, attribute(doc, text, self.lexicon), self.lexicon)
        doc._.quotes = quotes
        doc._.quote_speakers = speakers
        return doc


#: longest sentence the parser is given, in tokens. News sentences stay far below it (under 100
#: on all of PolNeAR dev); a run-on text without punctuation would otherwise be one sentence whose
#: every cue walks the whole of it, and the rules would take time quadratic in its length.
MAX_SENTENCE_TOKENS = 200
#: `Token.is_sent_start = False` as `Doc.to_array` holds it (-1 in an unsigned array)
NOT_A_START = numpy.iinfo(numpy.uint64).max


@Language.component("sentence_breaks", assigns=["token.is_sent_start"])
def sentence_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and at least every `MAX_SENTENCE_TOKENS` tokens.

    Line breaks make headlines and bylines stand alone. Runs before the parser, which keeps
    boundaries that are already set.
    """
    if len(doc) < 2:
        return doc
    starts = doc.to_array([SENT_START])  # one pass: setting token.is_sent_start rescans the doc
    length = 0
    for token in doc[:-1]:
        length += 1
        if "\n" in token.text_with_ws or length >= MAX_SENTENCE_TOKENS:
            starts[token.i + 1] = 1
        elif token.is_alpha:
            starts[token.i + 1] = NOT_A_START  # never right after a word on the same line
        if starts[token.i + 1] == 1:
            length = 0
    doc.from_array([SENT_START], starts)
    return doc


@Language.factory("quote_attribution", requires=["token.dep", "doc.ents", "doc.sents"],
                  assigns=["doc._.quotes", "doc._.quote_speakers"])
def make_quote_attribution(nlp: Language, name: str) -> QuoteAttribution:
    return QuoteAttribution(load_lexicon())
