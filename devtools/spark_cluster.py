"""A Spark standalone cluster on loopback, and `make bench-spark`: the job on 1 and on 2 workers.

`python -m devtools.spark_cluster run INPUT OUTPUT_DIR [--workers 2]` starts a master and its
workers with the `spark-class` script that ships with PySpark, runs `quote-attribution spark`
against the master, and stops every daemon by its PID. `python -m devtools.spark_cluster bench`
times the same corpus on a cluster of one worker and on one of two (one core each), checks the
output equals `extract`'s, and measures a job's fixed cost (a one-article job).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from .local_server import free_port

COMMAND = str(Path(sys.executable).parent / "quote-attribution")
MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"


def spark_class() -> str:
    import pyspark

    return str(Path(pyspark.__file__).parent / "bin" / "spark-class")


class StandaloneCluster:
    """A master and `workers` workers of `cores` cores each, on 127.0.0.1, up when entered."""

    def __init__(self, workers: int = 2, cores: int = 1, memory: str = "2g", ready_timeout: float = 60) -> None:
        self.workers, self.cores, self.memory, self.ready_timeout = workers, cores, memory, ready_timeout
        self.port, self.ui_port = free_port(), free_port()
        self.url = f"spark://127.0.0.1:{self.port}"
        self.procs: list[subprocess.Popen] = []
        self.work_dir = tempfile.mkdtemp(prefix="spark-work-")
        self.env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1", "SPARK_NO_DAEMONIZE": "1"}

    def __enter__(self) -> StandaloneCluster:
        self._start(MASTER, "--host", "127.0.0.1", "--port", str(self.port), "--webui-port", str(self.ui_port))
        for _ in range(self.workers):
            self._start(WORKER, "--host", "127.0.0.1", "--cores", str(self.cores), "--memory", self.memory,
                        "--webui-port", str(free_port()), "--work-dir", self.work_dir, self.url)
        self._wait_for_workers()
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in reversed(self.procs):  # workers first, then the master
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(self.work_dir, ignore_errors=True)

    def pids(self) -> list[int]:
        return [proc.pid for proc in self.procs]

    def _start(self, main_class: str, *args: str) -> None:
        self.procs.append(subprocess.Popen([spark_class(), main_class, *args], env=self.env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

    def _wait_for_workers(self) -> None:
        """Until the master's status page counts every worker alive."""
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.ui_port}/json/", timeout=2) as response:
                    if json.load(response).get("aliveworkers") == self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"the Spark master at {self.url} did not see {self.workers} workers in time")


def run_job(master: str, inputs: list[str], output_dir: str, *options: str) -> float:
    """Seconds `quote-attribution spark` took against `master` (it must succeed)."""
    started = time.perf_counter()
    job = subprocess.run([COMMAND, "spark", *inputs, output_dir, "--master", master, *options],
                         capture_output=True, text=True)
    if job.returncode:
        raise RuntimeError(f"the Spark job failed: {job.stderr[-2000:]}")
    return time.perf_counter() - started


def comparable(lines: list[str]) -> dict[str | None, dict[str, Any]]:
    """Output rows by id, without what two correct runs may differ in: the timing, and where an
    error row says its line was (a Spark task does not know it, and names files as URIs)."""
    rows = {}
    for line in lines:
        row = json.loads(line)
        row.get("meta", {}).pop("elapsed_ms", None)
        if "error" in row:
            row["error"] = {"detail": row["error"]["detail"]}
        rows[row["id"]] = row
    return rows


def part_lines(output_dir: Path) -> list[str]:
    return [line for part in sorted(output_dir.glob("part-*")) for line in part.read_text("utf-8").splitlines()]


def bench(corpus: str, workers: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    """Articles/s of the job on clusters of 1 and 2 one-core workers, and the fixed cost of a job."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    lines = [line for line in Path(corpus).read_text("utf-8").splitlines() if line.strip()]
    subprocess.run([COMMAND, "extract", corpus, "--skip-errors", "-o", str(scratch / "extract.jsonl")], check=True)
    expected = comparable((scratch / "extract.jsonl").read_text("utf-8").splitlines())
    one_article = scratch / "one.jsonl"
    one_article.write_text(lines[0] + "\n", encoding="utf-8")
    report: dict[str, Any] = {"articles": len(lines), "cpus": os.cpu_count(), "runs": {}}
    for n in workers:
        with StandaloneCluster(workers=n) as cluster:
            fixed = run_job(cluster.url, [str(one_article)], str(scratch / f"fixed-{n}"))
            seconds = run_job(cluster.url, [corpus], str(scratch / f"out-{n}"))
        same = comparable(part_lines(scratch / f"out-{n}")) == expected
        report["runs"][n] = {"seconds": round(seconds, 1), "articles_per_s": round(len(lines) / seconds, 2),
                             "fixed_cost_s": round(fixed, 1),
                             "articles_per_s_after_fixed_cost": round(len(lines) / max(seconds - fixed, 1e-9), 2),
                             "identical_to_extract": same, "load_avg_1min": round(os.getloadavg()[0], 2)}
    if len(workers) == 2:
        for key in ("articles_per_s", "articles_per_s_after_fixed_cost"):
            a, b = (report["runs"][n][key] for n in workers)
            report[f"speedup_{key}"] = round(b / a, 2)
    shutil.rmtree(scratch, ignore_errors=True)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.spark_cluster", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start a cluster, run the job on it, stop the cluster")
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("output_dir", metavar="OUTPUT_DIR")
    run.add_argument("--workers", type=int, default=2)
    be = sub.add_parser("bench", help="articles/s with 1 and 2 workers, and a job's fixed cost")
    be.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "seeds" / "seeds_gold.jsonl"))
    be.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.command == "run":
        with StandaloneCluster(workers=args.workers) as cluster:
            print(f"master {cluster.url}, daemons' PIDs {cluster.pids()}", file=sys.stderr)
            seconds = run_job(cluster.url, args.inputs, args.output_dir)
        print(f"job done in {seconds:.1f} s -> {args.output_dir}; master and workers stopped", file=sys.stderr)
        return 0
    report = bench(args.corpus)
    print(json.dumps(report, indent=1) if args.json else format_bench(report))
    return 0


def format_bench(r: dict[str, Any]) -> str:
    lines = [f"Spark standalone on loopback, {r['articles']} articles, {r['cpus']} CPUs, one core per worker:"]
    for n, run in r["runs"].items():
        lines.append(f"  {n} worker(s): {run['articles_per_s']} articles/s ({run['seconds']} s for the job), "
                     f"{run['articles_per_s_after_fixed_cost']} after the fixed cost (a one-article job: "
                     f"{run['fixed_cost_s']} s); identical to extract: {run['identical_to_extract']}; "
                     f"load {run['load_avg_1min']}")
    if "speedup_articles_per_s" in r:
        lines.append(f"  2 workers / 1 worker: {r['speedup_articles_per_s']}x the articles/s, "
                     f"{r['speedup_articles_per_s_after_fixed_cost']}x after the fixed cost")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
