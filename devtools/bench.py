"""`python -m devtools.bench` (`make bench`): the engine against raw spaCy, in-process and over HTTP, in one run.

Everything is measured side by side in the same process and reported as ratios, so the
figures compare on any machine. `--smoke` runs each part once on a tiny corpus: CI uses
it to prove the command works, not to time anything.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import spacy

from models import load
from service.config import Settings

from .local_server import LocalServer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "seeds" / "seeds_gold.jsonl"
SCALING_PARAGRAPH = ('The mayor said on Monday that the bridge would reopen in May. "We are close," she told '
                     'reporters. According to two engineers, the repairs are nearly finished.\n\n')


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="JSONL with a 'text' field a line")
    parser.add_argument("--rounds", type=int, default=5, help="in-process rounds of each side")
    parser.add_argument("--requests", type=int, default=200, help="HTTP requests per concurrency level")
    parser.add_argument("--memory-requests", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--smoke", action="store_true", help="one tiny round of everything (CI)")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def read_corpus(path: str, limit: int) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    return texts[:limit] if limit else texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def in_process(texts: list[str], model: str, rounds: int) -> dict[str, Any]:
    """(a) nlp.pipe with the full default pipeline vs (b) extract_many, alternating rounds."""
    full = spacy.load(model)
    engine = load(model)
    n_words = words(texts)
    spacy_s, engine_s = [], []
    for _ in range(rounds):
        spacy_s.append(timed(lambda: list(full.pipe(texts))))
        engine_s.append(timed(lambda: list(engine.extract_many(texts))))
    spacy_wps = n_words / statistics.median(spacy_s)
    engine_wps = n_words / statistics.median(engine_s)
    return {"words": n_words, "rounds": rounds, "spacy_full_wps": round(spacy_wps),
            "engine_wps": round(engine_wps), "ratio_engine_over_spacy": round(engine_wps / spacy_wps, 3),
            "engine_components_s": component_times(engine.nlp, texts),
            "spacy_full_components_s": component_times(full, texts)}


def processes(texts: list[str], model: str, rounds: int) -> dict[str, Any]:
    """Articles/s of `extract_many` with 1 and with 2 parsing processes, alternating rounds on the
    same texts (the rules run in the calling process either way), with the identical-results
    check; and the fixed cost of a process: import and model load, in seconds and RSS."""
    engine = load(model)
    one_s, two_s = [], []
    for _ in range(rounds):
        one_s.append(timed(lambda: list(engine.extract_many(texts))))
        two_s.append(timed(lambda: list(engine.extract_many(texts, n_process=2))))
    same = ([r.to_dict()["quotes"] for r in engine.extract_many(texts)]
            == [r.to_dict()["quotes"] for r in engine.extract_many(texts, n_process=2)])
    code = ("import time, resource; t = time.perf_counter(); import models; models.load(); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    one, two = len(texts) / statistics.median(one_s), len(texts) / statistics.median(two_s)
    return {"rounds": rounds, "articles_per_s_1": round(one, 2), "articles_per_s_2": round(two, 2),
            "speedup": round(two / one, 2), "identical_results": same, "cpus": os.cpu_count(),
            "load_avg_1min": round(os.getloadavg()[0], 2),
            "process_start_s": round(time.perf_counter() - started, 2), "import_and_load_s": round(float(out[0]), 2),
            "process_rss_mb": round(int(out[1]) / 1024)}


def component_times(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds per component over the corpus, one document at a time."""
    totals = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for text in texts:
        started = time.perf_counter()
        doc = nlp.make_doc(text)
        totals["tokenizer"] += time.perf_counter() - started
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - started
    return {k: round(v, 4) for k, v in totals.items()}


def scaling(model: str, sizes: tuple[int, ...]) -> dict[str, Any]:
    """Time per word for articles of growing length; flat means linear cost."""
    engine = load(model, max_chars=max(sizes) + 1)
    engine.extract(SCALING_PARAGRAPH)  # warm up
    out = {}
    for size in sizes:
        text = (SCALING_PARAGRAPH * (size // len(SCALING_PARAGRAPH) + 1))[:size]
        repeats = max(2, min(7, 100_000 // size))  # short texts are noisy: best of more runs
        seconds = min(timed(lambda t=text: engine.extract(t)) for _ in range(repeats))
        out[str(size)] = round(seconds / len(text.split()) * 1e6, 2)  # microseconds per word
    base = out[str(sizes[0])]
    return {"us_per_word": out, "ratio_to_smallest": {k: round(v / base, 3) for k, v in out.items()}}


def post(port: int, path: str, body: dict) -> float:
    data = json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        r.read()
    return time.perf_counter() - started


def load_test(port: int, texts: list[str], concurrency: int, requests: int, time_limit: float) -> dict[str, Any]:
    """Single-article POSTs from `concurrency` threads: a fixed count, stopped early at the time limit."""
    deadline = time.monotonic() + time_limit
    latencies: list[float] = []
    errors: dict[str, int] = {}

    def one(i: int) -> None:
        if time.monotonic() >= deadline:
            return
        try:
            latencies.append(post(port, "/v1/quotes", {"text": texts[i % len(texts)]}))
        except urllib.error.HTTPError as err:  # counted and reported: a benchmark also checks health
            key = f"{err.code} {json.loads(err.read() or b'{}').get('detail', '')[:80]}"
            errors[key] = errors.get(key, 0) + 1
        except OSError as err:
            errors[type(err).__name__] = errors.get(type(err).__name__, 0) + 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    elapsed = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"concurrency": concurrency, "requests": len(latencies), "errors": errors,
            "rps": round(len(latencies) / elapsed, 2),
            "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1)}


def http(texts: list[str], model: str, requests: int, memory_requests: int, smoke: bool) -> dict[str, Any]:
    workers = Settings.from_env().workers
    engine = load(model)
    per_article = [min(timed(lambda t=t: engine.extract(t)) for _ in range(3)) for t in texts]
    in_process_rps = workers / statistics.mean(per_article)
    out: dict[str, Any] = {"workers": workers, "in_process_rps_same_processes": round(in_process_rps, 2)}
    server = LocalServer({"WEB_CONCURRENCY": str(workers), "QUOTES_PRELOAD": "1"})
    try:
        levels = [load_test(server.port, texts, c, requests, 10 if smoke else 120) for c in (1, 2, 4, 8)]
        out["levels"] = levels
        best = max(level["rps"] for level in levels)
        out["ratio_http_over_in_process"] = round(best / in_process_rps, 3)
        single = levels[0]["p50_ms"] / 1000
        out["p50_over_in_process_time"] = round(single / statistics.median(per_article), 3)
        batch = [{"text": t} for t in texts[:64]]
        seconds = post(server.port, "/v1/quotes/batch", {"articles": batch})
        out["batch_articles_per_s"] = round(len(batch) / seconds, 2)
    finally:
        server.stop()
    out["memory"] = {label: memory(texts, workers, preload, memory_requests)
                     for label, preload in (("preload", True), ("no_preload", False))}
    return out


SHORT_TEXT = "The mayor said the bridge would reopen in May after repairs."  # 10 words


def percentiles(seconds: list[float]) -> dict[str, float]:
    q = statistics.quantiles(seconds, n=100) if len(seconds) > 1 else seconds * 99
    return {"n": len(seconds), "p50_ms": round(q[49] * 1000, 1), "p99_ms": round(q[98] * 1000, 1)}


def get(port: int, path: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
        r.read()
    return time.perf_counter() - started


def probe(port: int, until: float, every: float, measure) -> tuple[list[float], int]:
    """Latencies of `measure(port)` every `every` seconds until `until`, and the failures."""
    latencies, failures = [], 0
    while time.monotonic() < until:
        try:
            latencies.append(measure(port))
        except OSError:
            failures += 1
        time.sleep(every)
    return latencies, failures


def saturation(texts: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """The service as `make run` starts it, kept busy by `clients` threads posting articles: the
    latency of a 10-word text and of `/healthz` meanwhile, against the same on the idle service;
    requests lost; then the time to a 503 when the queue is full, and a request's latency with two
    clients sending their bodies a byte at a time."""
    out: dict[str, Any] = {"clients": clients, "seconds": seconds}
    short = lambda port: post(port, "/v1/quotes", {"text": SHORT_TEXT})  # noqa: E731
    with LocalServer({"WEB_CONCURRENCY": str(Settings.from_env().workers)}) as server:
        out["idle_short_text"] = percentiles([short(server.port) for _ in range(20)])
        until = time.monotonic() + seconds
        with ThreadPoolExecutor(clients + 2) as pool:
            loads = [pool.submit(keep_posting, server.port, texts[n::clients] or texts, until) for n in range(clients)]
            health = pool.submit(probe, server.port, until, 0.1, lambda port: get(port, "/healthz"))
            text = pool.submit(probe, server.port, until, 0.5, short)
        errors: dict[str, int] = {}
        for future in loads:
            for key, n in future.result()[1].items():
                errors[key] = errors.get(key, 0) + n
        (health_s, health_failed), (text_s, text_failed) = health.result(), text.result()
        out["saturated"] = {"articles_answered": sum(f.result()[0] for f in loads), "errors": errors,
                            "healthz": {**percentiles(health_s), "failed": health_failed},
                            "short_text": {**percentiles(text_s), "failed": text_failed}}
    with LocalServer({"WEB_CONCURRENCY": "1", "QUOTES_QUEUE": "0"}) as server:
        out["queue_full_503"] = refusals(server.port, texts)
        out["slow_clients"] = slow_clients(server.port)
    return out


def keep_posting(port: int, texts: list[str], until: float) -> tuple[int, dict[str, int]]:
    """One client posting `texts` in turn until `until`: how many were answered, and the errors."""
    answered, errors, k = 0, {}, 0
    while time.monotonic() < until:
        try:
            post(port, "/v1/quotes", {"text": texts[k % len(texts)]})
            answered += 1
        except urllib.error.HTTPError as err:
            errors[str(err.code)] = errors.get(str(err.code), 0) + 1
        except OSError as err:
            errors[type(err).__name__] = errors.get(type(err).__name__, 0) + 1
        k += 1
    return answered, errors


def refusals(port: int, texts: list[str]) -> dict[str, Any]:
    """One worker, no queue, one long article running: how fast the next requests get their 503."""
    long_text = (" ".join(texts) * 20)[:60_000]
    busy = ThreadPoolExecutor(1).submit(post, port, "/v1/quotes", {"text": long_text})
    time.sleep(1)
    latencies, statuses = [], {}
    for _ in range(20):
        started = time.perf_counter()
        try:
            post(port, "/v1/quotes", {"text": SHORT_TEXT})
            statuses["200"] = statuses.get("200", 0) + 1
        except urllib.error.HTTPError as err:
            statuses[str(err.code)] = statuses.get(str(err.code), 0) + 1
            latencies.append(time.perf_counter() - started)
    busy.result()
    return {**percentiles(latencies or [0.0]), "statuses": statuses}


def slow_clients(port: int) -> dict[str, Any]:
    """A short text's latency while two clients send their bodies a byte every 0.1 s, over idle."""
    import socket

    idle = statistics.median(post(port, "/v1/quotes", {"text": SHORT_TEXT}) for _ in range(10))
    body = json.dumps({"text": SHORT_TEXT}).encode()
    head = (f"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    conns = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
    for conn in conns:
        conn.sendall(head + body[:1])
    latencies = []
    for k in range(1, 11):
        for conn in conns:
            conn.sendall(body[k:k + 1])
        latencies.append(post(port, "/v1/quotes", {"text": SHORT_TEXT}))
        time.sleep(0.1)
    for conn in conns:
        conn.close()
    busy = statistics.median(latencies)
    return {"idle_ms": round(idle * 1000, 1), "with_two_slow_clients_ms": round(busy * 1000, 1),
            "ratio": round(busy / idle, 2)}


def worker_memory(server: LocalServer) -> list[dict[str, float]]:
    out = []
    for worker in server.workers():
        info = worker.memory_full_info()
        out.append({"rss_mb": round(info.rss / 2**20, 1), "pss_mb": round(getattr(info, "pss", 0) / 2**20, 1)})
    return out


#: shapes of text that once cost more than linear time, with prose to compare them with
HOSTILE_SHAPES = {"prose": SCALING_PARAGRAPH, "run-on cues between quotes": "'a' 'b' said 'c' ",
                  "tiny quotes": '"a," said b. ', "no punctuation": "word ", "nested marks": "“level said ‘",
                  "unclosed marks": "“He said "}


def hostile(model: str, size: int) -> dict[str, Any]:
    """Microseconds per character of each shape at `size` characters, and its ratio to prose."""
    engine = load(model, max_chars=size)
    out = {}
    for name, unit in HOSTILE_SHAPES.items():
        text = (unit * (size // len(unit) + 1))[:size]
        out[name] = round(timed(lambda t=text: engine.extract(t)) / size * 1e6, 1)
    return {"chars": size, "us_per_char": out,
            "ratio_to_prose": {k: round(v / out["prose"], 2) for k, v in out.items()}}


PEAK_SCRIPT = """
import json, sys
from models import load

def high_water_mb():  # VmHWM: this address space's peak RSS (ru_maxrss would carry the parent's)
    line = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    return round(int(line.split()[1]) / 1024)

engine = load(sys.argv[1], max_chars=int(sys.argv[2]))
loaded = high_water_mb()
unit = sys.argv[4]
text = (unit * (int(sys.argv[2]) // len(unit) + 1))[:int(sys.argv[2])]
results = [r.to_dict() for r in engine.extract_many([text] * int(sys.argv[3]))]
print(json.dumps({"loaded_mb": loaded, "peak_mb": high_water_mb()}))
"""


def peak_memory(model: str, chars: int, batch_chars: int) -> dict[str, Any]:
    """Peak RSS of a fresh process for the largest requests the limits admit: one article of
    `chars`, and a batch of such articles up to `batch_chars`, in prose and in run-on cues."""
    out = {}
    for shape in ("prose", "run-on cues between quotes"):
        for count in (1, max(1, batch_chars // chars)):
            run = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, model, str(chars), str(count),
                                  HOSTILE_SHAPES[shape]], capture_output=True, text=True, check=True, cwd=ROOT)
            out[f"{shape}, {count} x {chars} chars"] = json.loads(run.stdout)
    return out


def memory(texts: list[str], workers: int, preload: bool, requests: int) -> dict[str, Any]:
    """Worker RSS and PSS after start and after `requests` requests."""
    server = LocalServer({"WEB_CONCURRENCY": str(workers), "QUOTES_PRELOAD": "1" if preload else "0"})
    try:
        start = worker_memory(server)
        load = load_test(server.port, texts, workers, requests, 600)
        after = worker_memory(server)
    finally:
        server.stop()
    growth = max((a["rss_mb"] - s["rss_mb"]) / s["rss_mb"] for s, a in zip(start, after, strict=False))
    return {"after_start": start, f"after_{requests}_requests": after, "max_rss_growth": round(growth, 3),
            "errors": load["errors"]}


def main(args: argparse.Namespace) -> int:
    texts = read_corpus(args.corpus, 2 if args.smoke else args.limit)
    model = Settings.from_env().model
    rounds = 1 if args.smoke else max(5, args.rounds)
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0],
                                          "spacy": spacy.__version__},
                              "corpus": {"path": args.corpus, "articles": len(texts), "words": words(texts)}}
    report["in_process"] = in_process(texts, model, rounds)
    report["processes"] = processes(texts, model, 1 if args.smoke else 3)
    report["scaling"] = scaling(model, (1_000, 10_000) if args.smoke else (1_000, 10_000, 100_000))
    settings = Settings.from_env()
    report["hostile"] = hostile(model, 2_000 if args.smoke else settings.max_chars)
    report["peak_memory"] = peak_memory(model, 2_000 if args.smoke else settings.max_chars,
                                        4_000 if args.smoke else settings.max_batch_chars)
    if not args.skip_http:
        report["http"] = http(texts, model, 8 if args.smoke else args.requests,
                              8 if args.smoke else args.memory_requests, args.smoke)
        report["saturation"] = saturation(texts, 16, 5 if args.smoke else 60)
    print(json.dumps(report, indent=1) if args.json else format_report(report))
    return 0


def format_report(r: dict[str, Any]) -> str:
    ip = r["in_process"]
    pr = r["processes"]
    lines = [f"corpus: {r['corpus']['articles']} articles, {r['corpus']['words']} words; "
             f"machine: {r['machine']['cpus']} CPUs, Python {r['machine']['python']}, spaCy {r['machine']['spacy']}",
             f"in-process ({ip['rounds']} rounds, median): spaCy full pipeline {ip['spacy_full_wps']} words/s, "
             f"engine {ip['engine_wps']} words/s, ratio {ip['ratio_engine_over_spacy']}",
             "engine time by component (s): " + ", ".join(f"{k} {v}" for k, v in ip["engine_components_s"].items()),
             f"processes ({pr['rounds']} rounds, median; {pr['cpus']} CPUs, load {pr['load_avg_1min']}): "
             f"{pr['articles_per_s_1']} articles/s with 1, {pr['articles_per_s_2']} with 2 = {pr['speedup']}x, "
             f"identical results: {pr['identical_results']}; a process costs {pr['import_and_load_s']} s to import "
             f"and load, {pr['process_rss_mb']} MB",
             "scaling (us/word, ratio to smallest): " + ", ".join(
                 f"{k} chars {v} ({r['scaling']['ratio_to_smallest'][k]})"
                 for k, v in r["scaling"]["us_per_word"].items()),
             f"hostile shapes at {r['hostile']['chars']} chars (us/char, ratio to prose): " + ", ".join(
                 f"{k} {v} ({r['hostile']['ratio_to_prose'][k]})" for k, v in r["hostile"]["us_per_char"].items()),
             "peak RSS of one process (MB, loaded -> peak): " + ", ".join(
                 f"{k}: {v['loaded_mb']} -> {v['peak_mb']}" for k, v in r["peak_memory"].items())]
    if "http" in r:
        h = r["http"]
        lines.append(f"http ({h['workers']} workers): in-process {h['in_process_rps_same_processes']} req/s; "
                     f"ratio http/in-process {h['ratio_http_over_in_process']}; "
                     f"p50 / in-process time {h['p50_over_in_process_time']}; batch {h['batch_articles_per_s']} art/s")
        for level in h["levels"]:
            lines.append(f"  c={level['concurrency']}: {level['rps']} req/s, p50 {level['p50_ms']} ms, "
                         f"p95 {level['p95_ms']} ms, p99 {level['p99_ms']} ms ({level['requests']} requests, "
                         f"errors {level['errors'] or 'none'})")
        for label, m in h["memory"].items():
            keys = [k for k in m if k.startswith("after_") and k != "after_start"]
            lines.append(f"  memory {label}: start {m['after_start']}, {keys[0]} {m[keys[0]]}, "
                         f"max RSS growth {m['max_rss_growth']}, errors {m['errors'] or 'none'}")
    if "saturation" in r:
        s, sat = r["saturation"], r["saturation"]["saturated"]
        lines += [f"saturated by {s['clients']} clients for {s['seconds']} s: {sat['articles_answered']} articles "
                  f"answered, errors {sat['errors'] or 'none'}; 10-word text p50/p99 {sat['short_text']['p50_ms']}/"
                  f"{sat['short_text']['p99_ms']} ms (idle {s['idle_short_text']['p50_ms']}/"
                  f"{s['idle_short_text']['p99_ms']}); /healthz p50/p99 {sat['healthz']['p50_ms']}/"
                  f"{sat['healthz']['p99_ms']} ms ({sat['healthz']['failed']} failed)",
                  f"  queue full: 503 p50/p99 {s['queue_full_503']['p50_ms']}/{s['queue_full_503']['p99_ms']} ms "
                  f"({s['queue_full_503']['statuses']}); two slow clients: "
                  f"{s['slow_clients']['with_two_slow_clients_ms']} ms against {s['slow_clients']['idle_ms']} idle "
                  f"({s['slow_clients']['ratio']}x)"]
    return "\n".join(lines)


if __name__ == "__main__":
    _parser = argparse.ArgumentParser(prog="python -m devtools.bench", description=__doc__)
    add_arguments(_parser)
    sys.exit(main(_parser.parse_args()))
