#!/usr/bin/env python3
"""Tabulates A/B comparisons (ab.json files, as scripts/ab-trials leaves them): per trial group (the folder name
without its number: workload-share[-hog]), how many comparisons called the head regressed, how many ended
inconclusive, their median rounds and minutes, and the slowest.

    scripts/ab-table.py target/flightdeck/ab-trials/runs/*/ab.json
"""
import json
import os
import re
import statistics
import sys
from collections import defaultdict

groups = defaultdict(list)
for path in sys.argv[1:]:
    with open(path) as f:
        report = json.load(f)
    name = os.path.basename(os.path.dirname(path))
    groups[re.sub(r"-\d+$", "", name)].append(report)

print("| trial | comparisons | regressed | inconclusive | not regressed | median rounds | median minutes"
      " | slowest minutes | median change of the mean (first case) | other load, cores (median of means) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for group in sorted(groups):
    reports = groups[group]
    verdicts = [r["verdict"] for r in reports]
    rounds = [r["rounds"] for r in reports]
    minutes = [r["seconds"] / 60 for r in reports]
    changes = []
    for r in reports:
        for w in r["workloads"]:
            for c in w["cases"][:1]:
                for m in c["metrics"]:
                    if m["metric"] == "mean" and m["change"] is not None:
                        changes.append(m["change"])
    change = "%+.1f %%" % (100 * statistics.median(changes)) if changes else "—"
    loads = [r["noise"]["meanOtherCpuCores"] for r in reports if r.get("noise")]
    load = "%.2f" % statistics.median(loads) if loads else "—"
    print("| %s | %d | %d | %d | %d | %g | %.1f | %.1f | %s | %s |" % (
        group, len(reports), verdicts.count("REGRESSED"), verdicts.count("INCONCLUSIVE"),
        verdicts.count("NO_CHANGE") + verdicts.count("IMPROVED"), statistics.median(rounds),
        statistics.median(minutes), max(minutes), change, load))
