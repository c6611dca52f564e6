#!/usr/bin/env python3
"""Tabulates comparison.json files: each comparison's verdict, counts of metric verdicts, the largest worsening, and
what a second run of the workloads that regressed at first made of them.

    python3 scripts/compare-table.py RUN_FOLDER...
"""
import json
import pathlib
import re
import sys


def natural(path):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(path))]


def second_run(confirmation):
    """"—" when nothing regressed at first, else each re-run workload and whether it still regressed."""
    if not confirmation:
        return "—"
    confirmed = set(confirmation.get("confirmed") or [])
    failed = set(confirmation.get("failed") or [])
    return ", ".join(w + (": confirmed" if w in confirmed else ": failed" if w in failed else ": not confirmed")
                     for w in confirmation["workloads"])


def main(argv):
    if not argv:
        sys.exit(__doc__.strip())
    print("| run | verdict | metrics compared | regressed | inconclusive | improved | largest worsening (metric, case) "
          "| second run |")
    print("|---|---|---|---|---|---|---|---|")
    totals = {}
    for folder in sorted(map(pathlib.Path, argv), key=natural):
        f = folder / "comparison.json"
        if not f.is_file():
            continue
        c = json.loads(f.read_text())
        counts = {"REGRESSED": 0, "INCONCLUSIVE": 0, "IMPROVED": 0, "NO_CHANGE": 0}
        worst = None
        for w in c["workloads"]:
            for k in w.get("cases", []):
                for m in k["metrics"]:
                    ch = m["change"]
                    counts[ch["verdict"]] += 1
                    worse = ch["change"] if ch["direction"] == "LOWER_IS_BETTER" else -ch["change"]
                    if worse is not None and (worst is None or worse > worst[0]):
                        worst = (worse, m["metric"], w["workload"] + " " + k["caseLabel"], ch["verdict"])
        n = sum(counts.values())
        desc = "—" if worst is None else f"{worst[0] * 100:+.1f} % ({worst[1]}, {worst[2]}: {worst[3].lower()})"
        print(f"| {folder.name} | {c['verdict']} | {n} | {counts['REGRESSED']} | {counts['INCONCLUSIVE']} | "
              f"{counts['IMPROVED']} | {desc} | {second_run(c.get('confirmation'))} |")
        totals[c["verdict"]] = totals.get(c["verdict"], 0) + 1
    print()
    for v, n in sorted(totals.items()):
        print(f"- {v}: {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
