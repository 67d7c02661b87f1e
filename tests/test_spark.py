"""The Spark job against `extract`: the same rows for the same articles, bad lines as error rows.

`.ci/run` sets QUOTES_REQUIRE_SPARK=1, so there a missing PySpark or Java is a failure; elsewhere
these tests are skipped without them.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.spark_cluster import StandaloneCluster, comparable, part_lines, run_job

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.slow
COMMAND = str(Path(sys.executable).parent / "quote-attribution")

PEOPLE = [("Mayor", "Ines Calder"), ("Senator", "Hugo Marsh"), ("Professor", "Lena Osei"),
          ("Chief Executive", "Tom Brask"), ("Judge", "Ada Fenwick"), ("Coach", "Rui Matos")]
TOPICS = ["the harbour plan", "the new budget", "the school merger", "the rail strike", "the water tax"]
SENTENCES = [
    '"{topic} will pass," {title} {name} said on {day}.',
    "{title} {name} said {topic} was badly written.",
    "According to {name}, {topic} has no support in the council.",
    '"We are not finished," {surname} told reporters. "Not even close."',
    "{surname} warned that {topic} would cost more than expected.",
    "The {title_lower} added that a vote on {topic} could come in {month}.",
    "Rain fell on the city for most of {day}, and traffic was slow.",
]
DAYS = ["Monday", "Tuesday", "Friday"]
MONTHS = ["May", "June", "October"]


def article(rng: random.Random) -> str:
    """A short news story of the project's own sentences, different for every seed."""
    paragraphs = []
    for _ in range(rng.randint(2, 5)):
        title, name = rng.choice(PEOPLE)
        fields = {"title": title, "title_lower": title.lower(), "name": name, "surname": name.split()[-1],
                  "topic": rng.choice(TOPICS), "day": rng.choice(DAYS), "month": rng.choice(MONTHS)}
        sentences = [rng.choice(SENTENCES).format(**fields) for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    return "\n\n".join(paragraphs)


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


@pytest.fixture(scope="module", autouse=True)
def needs_spark():
    if not spark_available():
        if os.environ.get("QUOTES_REQUIRE_SPARK"):
            raise RuntimeError("QUOTES_REQUIRE_SPARK is set but PySpark or Java is missing")
        pytest.skip("needs PySpark (pip install '.[spark]') and Java 17")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A directory of two archives, one gzipped: the seeds, 60 generated stories and two bad lines."""
    folder = tmp_path_factory.mktemp("archive")
    rng = random.Random(7)
    rows = [{"url": p.stem, "body": p.read_text(encoding="utf-8"), "outlet": "seed"}
            for p in sorted(SEEDS_DIR.glob("*.txt"))]
    rows += [{"url": f"story-{n}", "body": article(rng), "outlet": rng.choice(["wire", "daily"])} for n in range(60)]
    lines = [json.dumps(row) for row in rows]
    lines[10:10] = ["{not json", json.dumps({"url": "blank", "body": "   "})]
    half = len(lines) // 2
    (folder / "a.jsonl").write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines[half:]) + "\n")
    return folder


def test_the_spark_job_writes_what_extract_writes_for_every_article(archive, tmp_path):
    inputs = [str(archive / "a.jsonl"), str(archive / "b.jsonl.gz")]
    keys = ["--text-key", "body", "--id-key", "url"]
    subprocess.run([COMMAND, "extract", *inputs, *keys, "--skip-errors", "-o", str(tmp_path / "extract.jsonl")],
                   check=True, capture_output=True)
    job = subprocess.run([COMMAND, "spark", str(archive), str(tmp_path / "out"), *keys, "--master", "local[2]",
                          "--partitions", "3"], capture_output=True, text=True)
    assert job.returncode == 0, job.stderr[-2000:]
    parts = sorted((tmp_path / "out").glob("part-*"))
    assert (tmp_path / "out" / "_SUCCESS").exists() and len(parts) == 3
    spark_lines = part_lines(tmp_path / "out")
    expected = comparable((tmp_path / "extract.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(spark_lines) == len(expected) == 67
    assert comparable(spark_lines) == expected
    assert sum(len(row.get("quotes", [])) for row in expected.values()) > 150
    assert "67 articles, 2 error rows" in job.stderr


def test_an_output_directory_in_the_way_is_a_clear_error_not_a_trace(archive, tmp_path):
    (tmp_path / "out").mkdir()
    job = subprocess.run([COMMAND, "spark", str(archive / "a.jsonl"), str(tmp_path / "out"), "--master", "local[1]"],
                         capture_output=True, text=True)
    assert job.returncode == 2
    assert job.stderr.strip().splitlines()[-1].startswith("quote-attribution spark: cannot write")


def test_the_job_on_a_standalone_cluster_of_two_workers_writes_what_extract_writes(archive, tmp_path):
    inputs = [str(archive / "a.jsonl"), str(archive / "b.jsonl.gz")]
    keys = ["--text-key", "body", "--id-key", "url"]
    subprocess.run([COMMAND, "extract", *inputs, *keys, "--skip-errors", "-o", str(tmp_path / "extract.jsonl")],
                   check=True, capture_output=True)
    with StandaloneCluster(workers=2) as cluster:
        run_job(cluster.url, [str(archive)], str(tmp_path / "out"), *keys, "--partitions", "4")
        daemons = cluster.pids()
    assert comparable(part_lines(tmp_path / "out")) == comparable(
        (tmp_path / "extract.jsonl").read_text(encoding="utf-8").splitlines())
    assert not any(Path(f"/proc/{pid}").exists() for pid in daemons)  # stopped by their PIDs
