"""Language data for the rules, read from the files in `models/data/` (or a copy of them).

Word lists live in data files so that a linguist can extend them without touching code. The
package's own are read once and shared; the component reads another directory when its config
says so (`data_dir`), or when a saved pipeline carries its own copy (`to_disk`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy
from spacy.strings import get_string_id

#: the word lists that come with the package
DATA_DIR = Path(__file__).parent / "data"


class DataFileError(ValueError):
    """A row of a data file that does not have the shape its reader needs."""


@dataclass(frozen=True)
class DataFiles:
    """The data files of one directory, read in the shapes they come in."""

    directory: Path = DATA_DIR

    def numbered_lines(self, name: str) -> list[tuple[int, str]]:
        """(line number, line) of each non-empty, non-comment line of a file."""
        text = (self.directory / name).read_text(encoding="utf-8")
        return [(n, line) for n, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.startswith("#")]

    def lines(self, name: str) -> list[str]:
        """Non-empty, non-comment lines of a file."""
        return [line for _, line in self.numbered_lines(name)]

    def forms(self, name: str) -> dict[str, str]:
        """Map every inflected form in a `lemma form form ...` file to its lemma.

        >>> DataFiles().forms("speech_verbs.txt")["said"]
        'say'
        """
        out: dict[str, str] = {}
        for line in self.lines(name):
            lemma, *forms = line.split()
            for form in (lemma, *forms):
                out.setdefault(form, lemma)
        return out

    def table(self, name: str, columns: int) -> list[list[str]]:
        """The tab-separated rows of a file, each checked to have `columns` fields.

        A malformed row is an error that names the file and the line, not a bare unpacking error.
        """
        rows = []
        for n, line in self.numbered_lines(name):
            fields = line.split("\t")
            if len(fields) != columns:
                raise DataFileError(f"{self.directory / name}, line {n}: {len(fields)} tab-separated fields, "
                                    f"expected {columns}: {line!r}")
            rows.append(fields)
        return rows


def singular(word: str) -> str:
    """`senators` -> `senator`; one rule for every role-word comparison (`boss` stays).

    >>> [singular(w) for w in ("senators", "boss", "boss's", "analyses")]
    ['senator', 'boss', 'boss', 'analyse']
    """
    word = word.removesuffix("'s").removesuffix("’s")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@dataclass(frozen=True)
class Lexicon:
    """All word lists the rules consult."""

    speech: dict[str, str]
    belief: dict[str, str]
    small_clause: dict[str, str]
    objects: dict[str, str]
    infinitive_cues: frozenset[str]
    question_verbs: frozenset[str]  # lemmas: `asked X if C`
    naming_verbs: frozenset[str]  # lemmas: `called X "Y"`
    answer_verbs: frozenset[str]  # lemmas: `did not respond to X`
    disclosure_verbs: frozenset[str]  # lemmas: `would not say whether C`
    short_answers: frozenset[str]  # `said yes`, `says so`
    refusals: frozenset[str]
    memory_verbs: frozenset[str]  # `recalled C`: a person's memory; a body recalls goods or envoys
    speech_nouns: frozenset[str]
    light_verbs: dict[str, str]
    phrasal: dict[tuple[str, str], str]
    phrasal_forms: frozenset[str]
    hearers: frozenset[str]
    adjunct_preps: frozenset[str]
    addressee_verbs: frozenset[str]
    section_labels: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]  # learned: nouns set beside names (data/role_nouns.txt)
    not_roles: frozenset[str]
    name_particles: frozenset[str]  # `bin`, `van`: lower-case words inside a name
    relational_roles: frozenset[str]
    body_roles: frozenset[str]  # `the contractor, Orbital Dynamics`: roles a body holds as often as a person
    office_verbs: frozenset[str]
    honorifics: dict[str, str]
    post_nominals: frozenset[str]  # `MP`, `KC`, `OBE` after a name, as written (case-sensitive)
    gender_words: dict[str, str]
    first_names: dict[str, str]  # given name -> the gender it mostly goes with (learned)
    raising: frozenset[str]
    learned: dict[tuple[str, str], float]  # (form, frame) -> precision in the corpus it was learned on
    topic_verbs: frozenset[str]  # forms whose nominal complement is only a topic
    aliases: dict[str, str]
    pronouns: dict[str, str]
    org_nouns: frozenset[str]
    trade_nouns: frozenset[str]  # organisation nouns a definite description refers back by
    document_nouns: frozenset[str]
    opinion_nouns: frozenset[str]  # `in his view, C`
    epithets: frozenset[str]  # `the billionaire`: a person named before
    hearsay_adverbs: frozenset[str]  # `X reportedly did C`
    authoring_verbs: dict[str, str]  # `a poll conducted by X`: X wrote it
    boilerplate: re.Pattern[str]
    confidence: dict[tuple[str, str], float]  # (rule, quote type) -> base confidence

    @cached_property
    def trigger_forms(self) -> frozenset[str]:
        """Every word form some cue rule starts from: tokens outside it need no rule at all."""
        return frozenset({*self.speech, *self.belief, *self.small_clause, *self.objects, *self.light_verbs,
                          *self.phrasal_forms, *self.raising, *self.hearsay_adverbs, "according", "in", "as",
                          *(form for form, _ in self.learned)})

    @cached_property
    def trigger_ids(self) -> numpy.ndarray:
        """`trigger_forms` as spaCy's string ids, to pick the candidate tokens of a doc at once."""
        return numpy.array(sorted(get_string_id(form) for form in self.trigger_forms), dtype=numpy.uint64)

    def is_role_word(self, word: str) -> bool:
        """Whether a lower-cased word, singular or plural, names a role (`senators`, `aides`).

        >>> load_lexicon().is_role_word("senators"), load_lexicon().is_role_word("voters")
        (True, False)
        """
        return any(w in self.titles or w in self.role_nouns for w in (word, singular(word)))

    def is_cue_form(self, word: str) -> bool:
        """Whether a lower-cased word form can be a speech cue by itself."""
        return word in self.speech or word in self.phrasal_forms


@cache
def load_lexicon() -> Lexicon:
    """The package's own lexicon (read once, then shared)."""
    return read_lexicon(DATA_DIR)


def read_lexicon(directory: Path) -> Lexicon:
    """The lexicon of a data directory that holds every file `models/data/` does (read anew at
    each call: a copy may have been edited since)."""
    files = DataFiles(directory)
    phrasal = {(form, particle): role for forms, particle, role in files.table("phrasal_cues.tsv", 3)
               for form in forms.split()}
    return Lexicon(
        speech=files.forms("speech_verbs.txt"),
        belief=files.forms("belief_verbs.txt"),
        small_clause=files.forms("small_clause_verbs.txt"),
        objects=files.forms("object_verbs.txt"),
        infinitive_cues=frozenset(files.lines("infinitive_cues.txt")),
        question_verbs=frozenset(files.lines("question_verbs.txt")),
        naming_verbs=frozenset(files.lines("naming_verbs.txt")),
        answer_verbs=frozenset(files.lines("answer_verbs.txt")),
        disclosure_verbs=frozenset(files.lines("disclosure_verbs.txt")),
        short_answers=frozenset(files.lines("short_answers.txt")),
        refusals=frozenset(files.forms("refusal_verbs.txt")),
        memory_verbs=frozenset(files.forms("memory_verbs.txt")),
        speech_nouns=frozenset(files.forms("speech_nouns.txt")),
        light_verbs=files.forms("light_verbs.txt"),
        phrasal=phrasal,
        phrasal_forms=frozenset(form for form, _ in phrasal),
        hearers=frozenset(files.lines("hearers.txt")),
        adjunct_preps=frozenset(files.lines("adjunct_preps.txt")),
        addressee_verbs=frozenset(files.lines("addressee_verbs.txt")),
        section_labels=frozenset(files.lines("section_labels.txt")),
        titles=frozenset(files.lines("titles.txt")),
        role_nouns=frozenset(files.lines("role_nouns.txt")),
        not_roles=frozenset(files.lines("not_roles.txt")),
        name_particles=frozenset(files.lines("name_particles.txt")),
        relational_roles=frozenset(files.lines("relational_roles.txt")),
        body_roles=frozenset(files.lines("body_roles.txt")),
        office_verbs=frozenset(files.lines("office_verbs.txt")),
        honorifics={word: gender for word, gender in files.table("honorifics.tsv", 2)},
        post_nominals=frozenset(files.lines("post_nominals.txt")),
        gender_words={word: gender for word, gender in files.table("gender_words.tsv", 2)},
        first_names={name: gender for name, gender, _, _ in files.table("first_names.tsv", 4)},
        raising=frozenset(files.forms("raising_verbs.txt")),
        learned={(form, frame): float(precision) for form, frame, precision, *_ in files.table("learned_cues.tsv", 5)},
        topic_verbs=frozenset(files.forms("topic_verbs.txt")),
        aliases={alias: name for alias, name in files.table("aliases.tsv", 2)},
        pronouns={word: kind for word, kind in files.table("pronouns.tsv", 2)},
        org_nouns=frozenset(files.lines("org_nouns.txt")) | frozenset(files.lines("trade_nouns.txt")),
        trade_nouns=frozenset(files.lines("trade_nouns.txt")),
        document_nouns=frozenset(files.lines("document_nouns.txt")),
        opinion_nouns=frozenset(files.lines("opinion_nouns.txt")),
        epithets=frozenset(files.lines("epithets.txt")),
        hearsay_adverbs=frozenset(files.lines("hearsay_adverbs.txt")),
        authoring_verbs=files.forms("authoring_verbs.txt"),
        boilerplate=re.compile("|".join(f"(?:{p})" for p in files.lines("boilerplate.txt")), re.IGNORECASE),
        confidence={(rule, kind): float(value) for rule, kind, value in files.table("confidence.tsv", 3)},
    )
