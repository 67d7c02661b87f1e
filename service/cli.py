"""The `quote-attribution` command: extract, evaluate, serve, and the learners of the data files."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from models import InputError, first_names, inventory, load, role_nouns
from models.lexicon import load_lexicon
from models.scoring import as_scorer_row, format_report, score
from models.types import ATTRIBUTION_KINDS

from . import service_version
from .archive import read_records, result_rows
from .config import Settings, SettingsError

PROGRESS_FROM = 20  # articles; fewer need no progress bar


def cmd_extract(args: argparse.Namespace) -> int:
    """Stream the articles through the engine, one output line each, in input order."""
    attributor = load(args.model or Settings.from_env().model)
    records = read_records(args.files, sys.stdin, args.text_key, args.id_key)
    rows = result_rows(attributor, records, args.kinds, args.batch_size, args.n_process)
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
        for n, row in enumerate(tqdm(rows, disable=not args.progress, file=sys.stderr, unit="article"), 1):
            if "error" in row and not args.skip_errors:
                error = row["error"]
                print(f"{error['file']}:{error['line']}: article {row['id'] or n}: {error['detail']} "
                      "(--skip-errors writes an error line and goes on)", file=sys.stderr)
                return 2
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def cmd_spark(args: argparse.Namespace) -> int:
    """The extract command as a Spark job: part files and `_SUCCESS` in the output directory."""
    from . import spark

    options = spark.JobOptions(args.model or Settings.from_env().model, args.text_key, args.id_key, args.kinds,
                               args.batch_size)
    try:
        counts = spark.run(args.inputs, args.output_dir, options, args.master, args.partitions, args.compression,
                           args.overwrite)
    except spark.SparkJobError as err:
        print(f"quote-attribution spark: {err}", file=sys.stderr)
        return 2
    print(f"{counts['articles']} articles, {counts['errors']} error rows, {counts['quotes']} quotes -> "
          f"{args.output_dir}", file=sys.stderr)
    return 0


def kinds_arg(value: str) -> frozenset[str]:
    """`speech,evidence` -> the set of attribution kinds, each checked."""
    kinds = frozenset(k.strip() for k in value.split(",") if k.strip())
    unknown = kinds - set(ATTRIBUTION_KINDS)
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"kinds are {', '.join(ATTRIBUTION_KINDS)}; not {', '.join(sorted(unknown))}")
    return kinds


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _load_rows(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {row["id"]: row for row in rows}


def cmd_evaluate(args: argparse.Namespace) -> int:
    gold = _load_rows(args.gold)
    if args.pred:
        pred = {k: (v if "quote" in (v.get("quotes") or [{}])[0] or not v.get("quotes") else as_scorer_row(v))
                for k, v in _load_rows(args.pred).items()}
    else:
        attributor = load(args.model or Settings.from_env().model)
        results = attributor.extract_many([(row["text"], row["id"]) for row in gold.values()])
        bar = tqdm(results, total=len(gold), disable=len(gold) < PROGRESS_FROM, file=sys.stderr, unit="article")
        pred = {r.id: as_scorer_row((r.only(args.kinds) if args.kinds else r).to_dict()) for r in bar}
        if args.save_pred:
            with open(args.save_pred, "w", encoding="utf-8") as fh:
                for row in pred.values():
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    report = score(gold, pred)
    print(json.dumps(report, indent=1) if args.json else format_report(report))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .server import run

    return run(bind=args.bind)


DATA_DIR = Path(__file__).resolve().parent.parent / "models" / "data"


def _train_docs(args: argparse.Namespace, with_cues: bool = False):
    """The articles of `--train`, parsed without the rules (with their gold cues if asked)."""
    from models.engine import DEFAULT_MODEL, build_pipeline

    nlp = build_pipeline(args.model or DEFAULT_MODEL, lemmas=with_cues)  # the inventory pools a lemma's forms
    parsed = inventory.gold_docs(nlp, Path(args.train))
    return parsed if with_cues else (doc for doc, _ in parsed)


def cmd_inventory(args: argparse.Namespace) -> int:
    """Count cue frames in an annotated corpus and write the learned cue list."""
    lexicon = load_lexicon()
    counts = inventory.count(_train_docs(args, with_cues=True), whole_clause=lexicon.raising,
                             documents=lexicon.document_nouns)
    learned = inventory.learn(counts, args.min_seen, args.min_precision, lexicon.topic_verbs,
                              args.min_precision_nominal)
    inventory.write(learned, Path(args.output))
    judged = sum(n >= args.min_seen for n in counts.seen.values())
    pooled = sum(bool(c.lemma) for c in learned)
    print(f"{sum(counts.seen.values())} frame occurrences, {len(counts.seen)} (form, frame) pairs, {judged} seen "
          f"at least {args.min_seen} times; {len(learned)} kept at precision >= {args.min_precision} "
          f"(nominal frames >= {args.min_precision_nominal}, agentless passives >= "
          f"{inventory.MIN_PRECISION_AGENTLESS}) "
          f"({pooled} judged with their lemma's forms) -> {args.output}")
    return 0


def cmd_first_names(args: argparse.Namespace) -> int:
    """Learn which gender each first name mostly goes with from a corpus's own evidence."""
    from models.lexicon import load_lexicon

    counts = first_names.count(_train_docs(args), load_lexicon())
    learned = first_names.learn(counts, args.min_articles, args.min_agreement)
    first_names.write(learned, Path(args.output))
    print(f"{len({name for name, _ in counts})} first names with evidence; {len(learned)} kept (in >= "
          f"{args.min_articles} articles, agreement >= {args.min_agreement}) -> {args.output}")
    return 0


def cmd_role_nouns(args: argparse.Namespace) -> int:
    """Learn which nouns name roles from where a corpus sets them beside people's names."""
    from models.lexicon import load_lexicon

    articles, beside, seen = role_nouns.count(_train_docs(args), load_lexicon())
    learned = role_nouns.learn(articles, beside, seen, args.min_articles, args.min_share)
    role_nouns.write(learned, Path(args.output), args.min_articles, args.min_share)
    if args.stats:
        for noun in sorted(articles, key=lambda n: -articles[n]):
            print(f"{noun}\t{articles[noun]}\t{beside[noun]}\t{seen[noun]}", file=args.stats)
    print(f"{len(articles)} nouns seen beside names; {len(learned)} kept (in >= {args.min_articles} articles, "
          f">= {args.min_share} of their occurrences) -> {args.output}")
    return 0


def _learner(sub, name: str, data_file: str, help: str, func) -> argparse.ArgumentParser:
    """A command that learns a data file of `models/data/` from PolNeAR train."""
    learner = sub.add_parser(name, help=f"{help} (data/{data_file}) from PolNeAR train")
    learner.add_argument("--train", required=True, help="gold JSONL, e.g. ../shared/eval/polnear-train.jsonl")
    learner.add_argument("--output", default=str(DATA_DIR / data_file))
    learner.add_argument("--model")
    learner.set_defaults(func=func)
    return learner


EXTRACT_EXAMPLES = """examples:
  quote-attribution extract seeds/*.txt
  quote-attribution extract news.jsonl.gz --output quotes.jsonl --skip-errors --progress
  quote-attribution extract --text-key body --id-key url --n-process 2 --kinds speech archive.jsonl
  cat article.txt | quote-attribution extract

Every other field of an input line is copied to its output line. Memory stays flat whatever the
size of the input: articles are read as the parse reaches them."""


SPARK_EXAMPLES = """examples:
  quote-attribution spark news.jsonl.gz out/ --master 'local[2]'
  quote-attribution spark 'archive/2019-*.jsonl.bz2' out/ --master spark://10.0.0.5:7077 --partitions 64
  spark-submit --master yarn ... "$(python -c 'import service.spark as s; print(s.__file__)')" \\
      hdfs:///news/ hdfs:///quotes/

Output lines are extract's (every other input field copied); error rows name the file, not the
line (a task reads a split of a file), and the id. The job fails only if Spark gives up on a task."""


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="quote-attribution", description=__doc__)
    ap.add_argument("--version", action="version", version=f"%(prog)s {service_version()}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="one JSON result a line for articles in JSONL or .txt files",
                        epilog=EXTRACT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("files", nargs="*", help="JSONL ({'id','text'} a line; .gz and .bz2 too) or .txt files; "
                                             "stdin if none")
    ex.add_argument("--output", "-o", help="write the results here (default: stdout)")
    ex.add_argument("--text-key", default="text", help="the field that holds an article's text (default: text)")
    ex.add_argument("--id-key", default="id", help="the field that holds an article's id (default: id)")
    ex.add_argument("--skip-errors", action="store_true",
                    help="write an error line for an article that cannot be processed and go on (default: stop)")
    ex.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    ex.add_argument("--model", help="spaCy pipeline (default: QUOTES_SPACY_MODEL)")
    ex.add_argument("--batch-size", type=int, default=16)
    ex.add_argument("--n-process", type=int, default=1, help="parse in this many processes (the rules run in this one)")
    ex.add_argument("--kinds", type=kinds_arg, help="only these kinds of attribution, e.g. speech,evidence "
                                                   "(default: every kind)")
    ex.set_defaults(func=cmd_extract)
    sp = sub.add_parser("spark", help="extract as a Spark job: JSONL archives in, JSONL part files out",
                        epilog=SPARK_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sp.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="JSONL files (.gz and .bz2 too), globs or directories, on any filesystem Spark reads")
    sp.add_argument("output_dir", metavar="OUTPUT_DIR", help="a directory that does not exist yet")
    sp.add_argument("--master", help="Spark master URL, e.g. local[2], spark://host:7077 (default: spark-submit's, "
                                     "else local[*])")
    sp.add_argument("--partitions", type=positive_int, help="split the input into this many tasks (default: Spark's)")
    sp.add_argument("--compression", choices=("none", "gzip", "bzip2"), default="none",
                    help="compress the part files")
    sp.add_argument("--overwrite", action="store_true", help="replace OUTPUT_DIR if it exists (default: refuse)")
    sp.add_argument("--text-key", default="text", help="the field that holds an article's text (default: text)")
    sp.add_argument("--id-key", default="id", help="the field that holds an article's id (default: id)")
    sp.add_argument("--kinds", type=kinds_arg, help="only these kinds of attribution (default: every kind)")
    sp.add_argument("--model", help="spaCy pipeline (default: QUOTES_SPACY_MODEL)")
    sp.add_argument("--batch-size", type=positive_int, default=16)
    sp.set_defaults(func=cmd_spark)
    ev = sub.add_parser("evaluate", help="precision, recall and F1 against a gold JSONL file")
    ev.add_argument("--gold", required=True)
    ev.add_argument("--pred", help="predictions (scorer or contract shape); default: run the engine")
    ev.add_argument("--save-pred", help="with no --pred: also write the predictions here")
    ev.add_argument("--model")
    ev.add_argument("--kinds", type=kinds_arg, help="score only these kinds of attribution, e.g. "
                    "speech,belief,evidence for a gold set that leaves refusals out (default: every kind)")
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(func=cmd_evaluate)
    se = sub.add_parser("serve", help="start the HTTP service under gunicorn")
    se.add_argument("--bind", help="address:port (default 0.0.0.0:$PORT)")
    se.set_defaults(func=cmd_serve)
    inv = _learner(sub, "inventory", "learned_cues.tsv", "learn the cue list", cmd_inventory)
    inv.add_argument("--min-seen", type=int, default=inventory.MIN_SEEN)
    inv.add_argument("--min-precision", type=float, default=inventory.MIN_PRECISION,
                     help="least train precision of a clause, infinitive or noun-clause frame")
    inv.add_argument("--min-precision-nominal", type=float, default=inventory.MIN_PRECISION_NOMINAL,
                     help="least train precision of an object, preposition or passive frame")
    fn = _learner(sub, "first-names", "first_names.tsv", "learn first names' usual gender", cmd_first_names)
    fn.add_argument("--min-articles", type=int, default=first_names.MIN_ARTICLES)
    fn.add_argument("--min-agreement", type=float, default=first_names.MIN_AGREEMENT)
    rn = _learner(sub, "role-nouns", "role_nouns.txt", "learn the nouns that name roles", cmd_role_nouns)
    rn.add_argument("--min-articles", type=int, default=role_nouns.MIN_ARTICLES)
    rn.add_argument("--min-share", type=float, default=role_nouns.MIN_SHARE)
    rn.add_argument("--stats", type=argparse.FileType("w"), help="also write noun, articles, beside, seen here")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, SettingsError) as err:
        print(f"quote-attribution: {err}", file=sys.stderr)
        return 2
    except FileNotFoundError as err:
        print(f"quote-attribution: {err.filename}: no such file", file=sys.stderr)
        return 2
