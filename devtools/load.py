"""`python -m devtools.load --url URL`: keep a running service busy and report what it answered.

For an operator's own cluster: `kubectl port-forward svc/quote-attribution 8000:80`, then
`python -m devtools.load --url http://127.0.0.1:8000 --clients 32 --seconds 600` while
`kubectl get hpa quote-attribution -w` shows the autoscaler add pods. Prints articles/s,
latency percentiles and errors by status, every `--every` seconds and at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def post(url: str, text: str) -> None:
    request = urllib.request.Request(url + "/v1/quotes", data=json.dumps({"text": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        answer.read()


def client(url: str, texts: list[str], until: float, times: list[float], errors: Counter) -> None:
    k = 0
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            post(url, texts[k % len(texts)])
            times.append(time.monotonic() - started)
        except urllib.error.HTTPError as err:
            errors[str(err.code)] += 1
        except OSError as err:
            errors[type(err).__name__] += 1
        k += 1


def report(times: list[float], errors: Counter, elapsed: float) -> str:
    done = sorted(times)
    pct = {p: done[min(len(done) - 1, int(p / 100 * len(done)))] * 1000 for p in (50, 95, 99)} if done else {}
    latency = ", ".join(f"p{p} {ms:.0f} ms" for p, ms in pct.items()) or "no answers yet"
    return (f"{elapsed:6.0f} s: {len(done) / max(elapsed, 1e-9):6.2f} articles/s, {latency}, "
            f"mean {statistics.mean(done) * 1000 if done else 0:.0f} ms; errors {dict(errors) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devtools.load", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True, help="the service, e.g. http://127.0.0.1:8000")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--every", type=float, default=30, help="seconds between progress lines")
    ap.add_argument("--corpus", help="JSONL with a 'text' field a line (default: the seed articles)")
    args = ap.parse_args(argv)
    if args.corpus:
        lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    started = time.monotonic()
    until, times, errors = started + args.seconds, [], Counter()
    threads = [threading.Thread(target=client, args=(args.url, texts[n::args.clients] or texts, until, times, errors),
                                daemon=True) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        threads[0].join(timeout=args.every)
        print(report(list(times), errors, time.monotonic() - started), flush=True)
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
