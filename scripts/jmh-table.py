#!/usr/bin/env python3
"""Turns JMH's JSON results (scripts/bench writes engine-workloads/target/jmh-result.json) into the Markdown tables of
docs/PERFORMANCE.md: p50 / p95 / p99 per benchmark and store, the targets and whether they are met, the log-log
slope of retrieval cost against corpus size, and lifecycle throughput.

    scripts/jmh-table.py [RESULT.json]                       print the tables
    scripts/jmh-table.py [RESULT.json] --update FILE.md      replace the text between
                                                             <!-- jmh-table:begin --> and <!-- jmh-table:end -->
    scripts/jmh-table.py --runs [LABEL=]A.json ... [--update FILE.md]
                                                             the targets' figures of several runs side by side
                                                             (how much a shared machine moves them); --update
                                                             writes them between <!-- jmh-runs:begin/end -->

Targets are compared with p95 (the seed document's budgets are P95 figures). Nothing here is hand-copied: edit
TARGETS below when a target changes, and rerun.
"""
import json
import math
import os
import sys
import tempfile

PKG = "io.flightdeck.engine.bench."

# (benchmark method, params that must match, statistic, bound, kind) -> checked against the results.
# kind "max": the statistic must be <= bound (us); "min-rate": lifecycles/s must be >= bound.
TARGETS = [
    ("EpisodeCreationBench.startEpisode", {"store": "memory"}, "p95", 2.56, "max", "creation, in memory"),
    ("StepLoggingBench.logStep", {"store": "memory"}, "p95", 1.13, "max", "step logging, in memory"),
    ("PatternExtractionBench.extract", {}, "p95", 10.43, "max", "pattern extraction, 50 steps"),
    ("EpisodeCompletionBench.completeEpisode", {"store": "memory", "steps": "50"}, "p95", 25.0, "max",
     "completion of a 50-step episode, in memory"),
    ("RetrievalBench.retrieveTop10", {"store": "memory", "size": "10000"}, "p95", 721.0, "max",
     "retrieval top-10 over 10,000, in memory"),
    ("RetrievalBench.retrieveTop10", {"store": "memory", "size": "100000"}, "p95", 2000.0, "max",
     "retrieval top-10 over 100,000, in memory"),
    ("EpisodeCreationBench.startEpisode", {"store": "sqlite"}, "p95", 100.0, "max", "creation, SQLite"),
    ("ConcurrentLifecycleBench.lifecycleThreads1", {"store": "sqlite"}, "p95", 2000.0, "max",
     "whole 50-step lifecycle, SQLite, 1 thread"),
    ("ConcurrentLifecycleBench.lifecycleThreads8", {"store": "sqlite"}, "rate", 1000.0, "min-rate",
     "completed 50-step lifecycles/s, SQLite, 8 threads"),
]


def load(path):
    with open(path) as f:
        return json.load(f)


def short(name):
    return name[len(PKG):] if name.startswith(PKG) else name


def samples(metric):
    hist = metric.get("rawDataHistogram") or []
    return sum(count for fork in hist for iteration in fork for _, count in iteration)


def seconds(text):
    """JMH time values: '2 s', '500 ms', '1 min'."""
    value, unit = text.split()
    return float(value) * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0, "min": 60.0}[unit]


class Row:
    def __init__(self, r):
        self.bench = short(r["benchmark"])
        self.params = r.get("params", {})
        self.threads = r["threads"]
        m = r["primaryMetric"]
        if m["scoreUnit"] != "us/op":
            raise SystemExit(f"{self.bench}: expected us/op, found {m['scoreUnit']} (run with the harness defaults)")
        pct = m.get("scorePercentiles", {})
        self.p50, self.p95, self.p99 = pct.get("50.0"), pct.get("95.0"), pct.get("99.0")
        self.mean = m["score"]
        self.n = samples(m)
        self.rate = None        # lifecycles/s from the counter
        self.little = None      # threads / mean latency
        counter = r.get("secondaryMetrics", {}).get("lifecycles")
        if counter is not None:
            measured = r["measurementIterations"] * r["forks"] * seconds(r["measurementTime"])
            self.rate = counter["score"] / measured if measured else None
            self.little = self.threads * 1e6 / self.mean if self.mean else None

    def get(self, stat):
        return {"p50": self.p50, "p95": self.p95, "p99": self.p99, "mean": self.mean, "rate": self.rate}[stat]


def fmt(us):
    if us is None:
        return "—"
    if us >= 100:
        return f"{us:,.0f}"
    if us >= 10:
        return f"{us:.1f}"
    return f"{us:.2f}"


def find(rows, bench, params):
    for row in rows:
        if row.bench == bench and all(row.params.get(k) == v for k, v in params.items()):
            return row
    return None


def target_for(row):
    for bench, params, stat, bound, kind, label in TARGETS:
        if row.bench == bench and all(row.params.get(k) == v for k, v in params.items()):
            return stat, bound, kind
    return None


def verdict(row, target):
    if target is None:
        return "", ""
    stat, bound, kind = target
    value = row.get(stat)
    if kind == "max":
        text = f"p95 ≤ {fmt(bound)}"
        ok = value is not None and value <= bound
    else:
        text = f"≥ {bound:,.0f}/s"
        ok = value is not None and value >= bound
    return text, ("**met**" if ok else "**missed**")


def latency_table(rows, keys, title_cols):
    out = ["| " + " | ".join(title_cols + ["p50 µs", "p95 µs", "p99 µs", "mean µs", "samples", "target",
                                           "verdict"]) + " |",
           "|" + "---|" * (len(title_cols) + 7)]
    for row in rows:
        t, v = verdict(row, target_for(row))
        out.append("| " + " | ".join([k(row) for k in keys] + [fmt(row.p50), fmt(row.p95), fmt(row.p99),
                                                               fmt(row.mean), f"{row.n:,}", t, v]) + " |")
    return out


def slope(points):
    """Least-squares slope of ln(y) on ln(x)."""
    pts = [(math.log(x), math.log(y)) for x, y in points if y]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def order(rows, *keys):
    def key(row):
        out = []
        for k in keys:
            v = row.params.get(k, "")
            out.append((0, int(v)) if v.isdigit() else (1 if v != "memory" else 0, v))
        out.append((0, row.threads))
        return out
    return sorted(rows, key=key)


def render(results):
    rows = [Row(r) for r in results]
    by = lambda prefix: [r for r in rows if r.bench.startswith(prefix)]
    store = lambda r: r.params.get("store", "(none)")
    out = []
    first = results[0] if results else {}
    out.append(f"JMH {first.get('jmhVersion', '?')}, {first.get('vmName', '?')} {first.get('vmVersion', '?')}, "
               f"mode SampleTime, {first.get('forks', '?')} fork, "
               f"{first.get('warmupIterations', '?')} × {first.get('warmupTime', '?')} warm-up, "
               f"{first.get('measurementIterations', '?')} × {first.get('measurementTime', '?')} measurement, "
               f"JVM args {' '.join(first.get('jvmArgs', []))}. Times in µs; "
               "targets are checked against p95.")
    out.append("")

    sections = [
        ("Episode creation (`startEpisode`)", "EpisodeCreationBench", ["store"], [store]),
        ("Step logging (`logStep`)", "StepLoggingBench", ["store"], [store]),
        ("Episode completion (`completeEpisode`)", "EpisodeCompletionBench", ["store", "steps"],
         [store, lambda r: r.params["steps"]]),
        ("Pattern extraction (50 steps, `PatternExtractor` alone; store-independent)", "PatternExtractionBench",
         ["store"], [lambda r: "either (no store)"]),
        ("Retrieval, top 10 (`retrieveRelevantContext`)", "RetrievalBench", ["store", "episodes"],
         [store, lambda r: f"{int(r.params['size']):,}"]),
    ]
    for title, prefix, cols, keys in sections:
        sel = order(by(prefix), "store", "steps", "size")
        if not sel:
            continue
        out.append(f"### {title}")
        out.append("")
        out += latency_table(sel, keys, cols)
        out.append("")
        if prefix == "RetrievalBench":
            out += retrieval_scaling(sel)

    life = order(by("ConcurrentLifecycleBench"), "store")
    if life:
        out.append("### Concurrent lifecycle (start, 50 steps, complete) on one engine")
        out.append("")
        out.append("Latency is per lifecycle as one thread sees it (with more threads than cores it includes "
                   "waiting for a core). Throughput: completed lifecycles counted over the measurement time, and "
                   "threads ÷ mean latency (Little's law) as a cross-check.")
        out.append("")
        out.append("| store | threads | p50 µs | p95 µs | p99 µs | mean µs | lifecycles/s (counted) | "
                   "lifecycles/s (threads ÷ mean) | target | verdict |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for r in life:
            t, v = verdict(r, target_for(r))
            out.append(f"| {store(r)} | {r.threads} | {fmt(r.p50)} | {fmt(r.p95)} | {fmt(r.p99)} | {fmt(r.mean)} | "
                       f"{r.rate:,.0f} | {r.little:,.0f} | {t} | {v} |" if r.rate is not None else
                       f"| {store(r)} | {r.threads} | {fmt(r.p50)} | {fmt(r.p95)} | {fmt(r.p99)} | {fmt(r.mean)} | — | — | {t} | {v} |")
        out.append("")

    out.append("### Targets")
    out.append("")
    out.append("| target | measured | verdict |")
    out.append("|---|---|---|")
    for bench, params, stat, bound, kind, label in TARGETS:
        row = find(rows, bench, params)
        if row is None:
            out.append(f"| {label}: {'≤' if kind == 'max' else '≥'} {fmt(bound) if kind == 'max' else f'{bound:,.0f}/s'}"
                       f" | not run | — |")
            continue
        value = row.get(stat)
        _, v = verdict(row, (stat, bound, kind))
        if kind == "max":
            out.append(f"| {label}: p95 ≤ {fmt(bound)} µs | p95 {fmt(value)} µs | {v} |")
        else:
            out.append(f"| {label}: ≥ {bound:,.0f}/s | {value:,.0f}/s | {v} |")
    out.append("")
    return "\n".join(out)


def retrieval_scaling(rows):
    out = ["Growth of retrieval cost with the number of episodes: least-squares slope of ln(latency) on "
           "ln(episodes) over 1,000 / 10,000 / 100,000 (1 = linear, 0 = constant; a 100× larger corpus costs "
           "100^slope times as much).", "",
           "| store | slope of p50 | slope of p95 | p50 cost ratio 100,000 ÷ 1,000 |", "|---|---|---|---|"]
    for s in sorted({r.params["store"] for r in rows}, key=lambda v: (v != "memory", v)):
        pts = {int(r.params["size"]): r for r in rows if r.params["store"] == s}
        span = [n for n in (1000, 10000, 100000) if n in pts]
        if len(span) < 2:
            continue
        s50 = slope([(n, pts[n].p50) for n in span])
        s95 = slope([(n, pts[n].p95) for n in span])
        ratio = pts[span[-1]].p50 / pts[span[0]].p50 if pts[span[0]].p50 else float("nan")
        out.append(f"| {s} | {s50:.2f} | {s95:.2f} | {ratio:.1f}× for {span[-1] // span[0]}× the episodes |")
    out.append("")
    return out


def update(path, text, section="jmh-table"):
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    with open(path) as f:
        doc = f.read()
    if begin not in doc or end not in doc:
        raise SystemExit(f"{path}: markers {begin} / {end} not found")
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    new = head + begin + "\n" + text + "\n" + end + tail
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".jmh-table-")
    with os.fdopen(fd, "w") as f:
        f.write(new)
    os.replace(tmp, path)  # atomic: a killed run never leaves half a document


def runs_table(specs):
    """specs: files, each optionally labelled as LABEL=FILE."""
    labels = [spec.split("=", 1)[0] if "=" in spec else os.path.basename(spec) for spec in specs]
    paths = [spec.split("=", 1)[1] if "=" in spec else spec for spec in specs]
    runs = [[Row(r) for r in load(p)] for p in paths]
    out = ["| target | " + " | ".join(labels) + " |",
           "|---|" + "---|" * len(paths)]
    for bench, params, stat, bound, kind, label in TARGETS:
        cells = []
        for rows in runs:
            row = find(rows, bench, params)
            value = None if row is None else row.get(stat)
            if value is None:
                cells.append("—")
            elif kind == "max":
                cells.append(f"{fmt(value)} µs" + ("" if value <= bound else " ✗"))
            else:
                cells.append(f"{value:,.0f}/s" + ("" if value >= bound else " ✗"))
        bound_text = f"p95 ≤ {fmt(bound)} µs" if kind == "max" else f"≥ {bound:,.0f}/s"
        out.append(f"| {label}: {bound_text} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv):
    target = None
    if "--update" in argv:
        i = argv.index("--update")
        if i + 1 >= len(argv):
            raise SystemExit("--update needs a Markdown file")
        target = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if argv and argv[0] == "--runs":
        if len(argv) < 2:
            raise SystemExit("--runs needs JSON result files")
        text = runs_table(argv[1:])
        if target:
            update(target, text, "jmh-runs")
        else:
            print(text)
        return 0
    args = argv
    path = args[0] if args else "engine-workloads/target/jmh-result.json"
    try:
        text = render(load(path))
    except FileNotFoundError:
        print(f"jmh-table: {path} not found; run scripts/bench first", file=sys.stderr)
        return 2
    except (json.JSONDecodeError, KeyError) as e:
        print(f"jmh-table: {path} is not a JMH JSON result: {e}", file=sys.stderr)
        return 2
    if target:
        update(target, text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
