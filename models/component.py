"""The spaCy component: `nlp.add_pipe("quote_attribution")` puts quotes on `doc._.quotes`.

It needs a parser and an entity recogniser before it. What it finds is kept as plain data in
`doc._.quote_data`, so a `Doc` still serialises (`DocBin(store_user_data=True)`, `to_bytes`,
`nlp.pipe(n_process=2)`); `doc._.quotes` (a list of `Quote`) and `doc._.quote_speakers` (of
`Speaker`) are read from it. The quotes are also spans, `doc.spans["quotes"]` (one per fragment,
labelled with the quote's type, `kb_id` the quote's id) and `doc.spans["quote_speakers"]` (the
speakers' mentions, labelled with their name, `kb_id` the speaker's id), which survive `DocBin`
and which `displacy.render(doc, style="span", options={"spans_key": "quotes"})` draws.
"""

from __future__ import annotations

import shutil
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attribution import attribute
from .entities import repair_names
from .indexes import TextIndex
from .lexicon import DATA_DIR, load_lexicon, read_lexicon
from .marks import DOUBLE_MARK, find_quoted_spans
from .results import build
from .spans import after_dateline
from .types import Quote, Speaker, TextSpan

QUOTES_KEY, SPEAKERS_KEY = "quotes", "quote_speakers"


def _speakers(doc: Doc) -> list[Speaker] | None:
    data = doc._.quote_data
    return None if data is None else [Speaker.from_dict(s) for s in data["speakers"]]


def _quotes(doc: Doc) -> list[Quote] | None:
    data = doc._.quote_data
    if data is None:
        return None
    speakers, text = {s.id: s for s in _speakers(doc)}, doc.text  # `doc.text` joins every token: once
    return [Quote.from_data(q, speakers, text) for q in data["quotes"]]


if not Doc.has_extension("quote_data"):
    Doc.set_extension("quote_data", default=None)
    Doc.set_extension("quotes", getter=_quotes)
    Doc.set_extension("quote_speakers", getter=_speakers)


class QuoteAttribution:
    """Finds and attributes the quotations of each document, by the word lists of a data directory.

    `nlp.to_disk` writes that directory's files beside the pipeline, and `spacy.load` reads them
    from there, as `span_ruler` does its patterns: a saved pipeline keeps the lists it was saved
    with, and an edited copy changes what it finds.
    """

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir or DATA_DIR
        self.lexicon = load_lexicon() if data_dir is None else read_lexicon(data_dir)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file in sorted(self.data_dir.iterdir()):
            if file.is_file():
                shutil.copyfile(file, path / file.name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttribution:
        self.data_dir = Path(path)
        self.lexicon = read_lexicon(self.data_dir)
        return self

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # joined from the tokens on each access: once per document
        repair_names(doc, self.lexicon)
        index = TextIndex(text, find_quoted_spans(text), self.lexicon)
        quotes, speakers = build(doc, index, attribute(doc, index, self.lexicon), self.lexicon)
        doc._.quote_data = {"quotes": [q.to_data() for q in quotes], "speakers": [s.to_dict() for s in speakers]}
        starts = doc.to_array(IDX).tolist()  # token offsets, once: `Doc.char_span` scans the doc each call
        doc.spans[QUOTES_KEY] = [span for q in quotes for f in q.fragments
                                 if (span := _span(doc, starts, f, q.type, q.id)) is not None]
        doc.spans[SPEAKERS_KEY] = [span for s in speakers for m in s.mentions
                                   if (span := _span(doc, starts, m, s.name or m.text, s.id)) is not None]
        return doc


def _span(doc: Doc, starts: list[int], piece: TextSpan, label: str, kb_id: str) -> Span | None:
    """The tokens of a character range (grown to whole tokens), labelled."""
    first, end = max(0, bisect_right(starts, piece.start) - 1), bisect_left(starts, piece.end)
    return Span(doc, first, end, label=label, kb_id=kb_id) if end > first else None


#: longest sentence the parser is given, in tokens. News sentences stay far below it (under 100
#: on all of PolNeAR dev); a run-on text without punctuation would otherwise be one sentence whose
#: every cue walks the whole of it, and the rules would take time quadratic in its length.
MAX_SENTENCE_TOKENS = 200
#: `Token.is_sent_start = False` as `Doc.to_array` holds it (-1 in an unsigned array)
NOT_A_START = numpy.iinfo(numpy.uint64).max
#: the punctuation that ends a sentence on its own token
SENTENCE_ENDS = frozenset(".?!")


@Language.component("sentence_breaks", assigns=["token.is_sent_start"])
def sentence_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, after a wire dateline, at an opening quotation
    mark after a full stop, and at least every `MAX_SENTENCE_TOKENS` tokens.

    Line breaks make headlines and bylines stand alone. A dateline parsed with its sentence takes
    the sentence's verbs for its own (`NEW DELHI (Reuters) - C, the governor said`: `said` lost
    its clause). The parser may hang the mark opening a quote on the sentence before (`... Cruz.
    ''I don't ...,'' he said`, where `''` opens and closes alike), and the quote then reads as
    that sentence's. Runs before the parser, which keeps boundaries that are already set.
    """
    if len(doc) < 2:
        return doc
    starts = doc.to_array([SENT_START])  # one pass: setting token.is_sent_start rescans the doc
    length = 0
    paragraphs = [0]
    for token in doc[:-1]:
        length += 1
        if _opens_after_full_stop(doc, token.i + 1):
            starts[token.i + 1], starts[token.i + 2] = 1, NOT_A_START  # the mark and its first word together
        elif "\n" in token.text_with_ws or length >= MAX_SENTENCE_TOKENS:
            starts[token.i + 1] = 1
            if "\n" in token.text_with_ws:
                paragraphs.append(token.i + 1)
        elif token.is_alpha:
            starts[token.i + 1] = NOT_A_START  # never right after a word on the same line
        if starts[token.i + 1] == 1:
            length = 0
    for start in paragraphs:
        if (after := after_dateline(doc, start)) > start and after < len(doc):
            starts[after] = 1
            if _abbreviation(doc[after]) and after + 1 < len(doc):
                starts[after + 1] = NOT_A_START  # `U.S. District Judge X said`: no sentence of `U.S.`
    doc.from_array([SENT_START], starts)
    return doc


def _abbreviation(token: Token) -> bool:
    """`U.S.`, `Sen.`, `Dr.`: a short word with its full stop, which ends no sentence it opens."""
    return len(token) <= 5 and token.text.endswith(".") and token.text[0].isupper()


def _opens_after_full_stop(doc: Doc, i: int) -> bool:
    """Whether token `i` is a double mark that opens a quote (a space before it, a word right
    after it) right after the `.`, `?` or `!` of the sentence before."""
    before = doc[i - 1]  # tested first: most tokens end no sentence
    return (before.text in SENTENCE_ENDS and before.whitespace_ == " " and i + 1 < len(doc)
            and not doc[i].whitespace_ and DOUBLE_MARK.fullmatch(doc[i].text) is not None and doc[i + 1].is_alpha)


@Language.factory("quote_attribution", default_config={"data_dir": None},
                  requires=["token.dep", "doc.ents", "doc.sents"], assigns=["doc._.quote_data", "doc.spans"])
def make_quote_attribution(nlp: Language, name: str, data_dir: str | None) -> QuoteAttribution:
    """`data_dir`: a directory holding every file of `models/data/` (None: the package's own)."""
    return QuoteAttribution(Path(data_dir) if data_dir else None)
