#!/usr/bin/env python3
"""Summarises leak-check run folders as a Markdown table: one row per check, then the verdict counts.

    python3 scripts/leak-check-table.py DIR...     # each DIR a run folder holding report.json, or a folder of them
"""
import json
import pathlib
import re
import sys


def natural(path):
    """leak-mixed-2 before leak-mixed-10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(path))]


def reports(paths):
    for p in map(pathlib.Path, paths):
        found = [p / "report.json"] if (p / "report.json").is_file() else sorted(p.glob("*/report.json"), key=natural)
        for f in found:
            yield f.parent.name, json.loads(f.read_text())


def b(x):
    return "—" if x is None else f"{x:,.1f}"


def suspect(check):
    """The top suspect and where most of it was allocated, the method's class without its package."""
    if not check.get("suspects"):
        return "—"
    top = check["suspects"][0]
    sites = top.get("allocationSites") or []
    site = sites[0]["name"].split("(")[0].split(".")[-2:] if sites else []
    return top["className"] + (" from " + ".".join(site) if site else "")


def main(argv):
    if not argv:
        sys.exit(__doc__.strip())
    rows, tally = [], {}
    for name, report in reports(argv):
        for c in report.get("leakChecks", []):
            cp = c.get("checkpoints") or {}
            op, s = cp.get("perOperation") or {}, cp.get("perSecond") or {}
            rec = (c.get("recording") or {}).get("perOperation") or {}
            rule = c.get("rule") or {}
            rows.append([name, c["workload"], c["verdict"], str(c["operations"]),
                         f"{b(op.get('slope'))} [{b(op.get('lower'))}, {b(op.get('upper'))}]",
                         f"{b((s.get('slope') or 0) / 1024)} [{b((s.get('lower') or 0) / 1024)}, {b((s.get('upper') or 0) / 1024)}]",
                         b(rec.get("slope")),
                         f"{rule.get('severity', '—')} {'' if rule.get('score') is None else round(rule['score'])}".strip(),
                         suspect(c)])
            key = (c["workload"], c["verdict"])
            tally[key] = tally.get(key, 0) + 1
    header = ["run", "workload", "verdict", "operations", "checkpoints B/op [95 % CI]", "KiB/s [95 % CI]",
              "JFR post-GC B/op", "JMC IncreasingLiveSet", "top suspect, allocated in"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    for (w, v), n in sorted(tally.items()):
        print(f"- {w}: {v} {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
