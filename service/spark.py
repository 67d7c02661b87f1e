"""`quote-attribution spark INPUT OUTPUT_DIR`: the `extract` command as a Spark job, for archives.

Spark reads the input (JSONL, plain, `.gz` or `.bz2`; files, globs or directories, on any
filesystem Spark reaches: local, HDFS, S3), splits it among its executors, and each Python
worker loads the engine once and streams its share of the lines through `archive.result_rows`,
the code `extract` runs. The output directory receives JSONL part files in `extract`'s format
and Spark's `_SUCCESS` marker. A bad line becomes an error row, never a failed job; a task that
fails for any other reason (a lost executor, memory) is retried by Spark itself
(`spark.task.maxFailures`).

Error rows name the file but not the line: a Spark task reads a split of a file and does not
know where its lines fall in it. The article id names the line.

PySpark is an optional dependency (`pip install 'quote-attribution[spark]'`), imported only here.
Run as a script by `spark-submit` (see the README) it is the same command.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from models import Attributor, load
from service.archive import parse_line, result_rows

# Spark sizes its tasks for work that costs little per byte; an article costs about 0.25 s of CPU,
# so a task of Spark's default 128 MB would run for hours on one core while the others wait.
# A quarter megabyte (some 50 articles, seconds of work) spreads the archive over every core and
# keeps a retried task cheap. Either setting given to spark-submit wins.
TASK_SIZE = {"spark.sql.files.maxPartitionBytes": "256k", "spark.sql.files.openCostInBytes": "64k"}


class SparkJobError(Exception):
    """The job could not start or finish: no PySpark, no input, an output directory in the way."""


@dataclass(frozen=True)
class JobOptions:
    """What every worker needs to know to process its lines (sent to the workers, so plain data)."""

    model: str
    text_key: str = "text"
    id_key: str = "id"
    kinds: frozenset[str] | None = None
    batch_size: int = 16


@functools.cache
def engine(model: str) -> Attributor:
    """One engine per Python worker process, loaded by its first task and kept by the next ones
    (Spark reuses its Python workers: `spark.python.worker.reuse`, on by default)."""
    return load(model)


def output_rows(rows: Iterable[Any], options: JobOptions) -> Iterator[dict[str, Any]]:
    """A partition of input rows (`file`, `value`) as `extract`'s output rows, one per line, in order."""
    records = (parse_line(row.value, row.file, None, options.text_key, options.id_key) for row in rows)
    yield from result_rows(engine(options.model), records, options.kinds, options.batch_size)


def session(master: str | None, app_name: str = "quote-attribution"):
    """A Spark session; its workers run this Python unless the caller says otherwise."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise SparkJobError("the spark command needs PySpark: pip install 'quote-attribution[spark]'") from err
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if "PYSPARK_PYTHON" not in os.environ:
        # a no-op where spark-submit or the cluster's defaults already name the workers' Python
        os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = builder.getOrCreate()
    given = spark.sparkContext.getConf()
    for key, value in TASK_SIZE.items():
        if not given.contains(key):
            spark.conf.set(key, value)
    return spark


def run(inputs: list[str], output_dir: str, options: JobOptions, master: str | None = None,
        partitions: int | None = None, compression: str = "none", overwrite: bool = False) -> dict[str, int]:
    """Process every line of `inputs` into `output_dir`; the counts of articles, errors and quotes."""
    spark = session(master)
    try:
        return _write(spark, inputs, output_dir, options, partitions, compression, overwrite)
    finally:
        spark.stop()


def _write(spark, inputs: list[str], output_dir: str, options: JobOptions, partitions: int | None,
           compression: str, overwrite: bool) -> dict[str, int]:
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    try:
        lines = spark.read.text(inputs).select(F.col("_metadata.file_path").alias("file"), "value")
    except AnalysisException as err:
        raise SparkJobError(f"cannot read the input: {first_line(err)}") from err
    if partitions:
        have = lines.rdd.getNumPartitions()
        if have > partitions:
            lines = lines.coalesce(partitions)
        elif have < partitions:  # a shuffle: the lines leave their input order
            lines = lines.repartition(partitions)
    counts = {name: spark.sparkContext.accumulator(0) for name in ("articles", "errors", "quotes")}
    out = lines.rdd.mapPartitions(functools.partial(json_lines, options=options, counts=counts))
    writer = spark.createDataFrame(out.map(lambda line: (line,)), "value string").write
    try:
        writer.mode("overwrite" if overwrite else "errorifexists").text(output_dir, compression=compression)
    except AnalysisException as err:
        raise SparkJobError(f"cannot write {output_dir}: {first_line(err)} (--overwrite replaces it)") from err
    return {name: acc.value for name, acc in counts.items()}


def first_line(err: Exception) -> str:
    """A Spark error's message without the Java stack trace that follows it."""
    return str(err).strip().splitlines()[0]


def json_lines(rows: Iterable[Any], options: JobOptions, counts: dict[str, Any]) -> Iterator[str]:
    """`output_rows` as JSON lines, counted as they go (a retried task counts again: a guide, not a total)."""
    for row in output_rows(rows, options):
        counts["articles"].add(1)
        counts["errors"].add(int("error" in row))
        counts["quotes"].add(len(row.get("quotes", ())))
        yield json.dumps(row, ensure_ascii=False)


if __name__ == "__main__":  # `spark-submit .../service/spark.py INPUT OUTPUT_DIR [options]`
    from service.cli import main

    sys.exit(main(["spark", *sys.argv[1:]]))
