"""Prints line and branch coverage per project and fails when one is below its threshold."""
import json
import sys

summary = json.load(open(sys.argv[1]))
thresholds = json.load(open(sys.argv[2]))
default = thresholds["default"]
failed = []
print(f"{'project':<16} {'lines':>7} {'branches':>9}   threshold")
for assembly in sorted(summary["coverage"]["assemblies"], key=lambda a: a["name"]):
    name = assembly["name"]
    limits = {**default, **thresholds.get("projects", {}).get(name, {})}
    lines = assembly["coverage"] or 0.0
    branches = assembly.get("branchcoverage")
    branches = 100.0 if branches is None else branches
    ok = lines >= limits["lines"] and branches >= limits["branches"]
    if not ok:
        failed.append(name)
    print(f"{name:<16} {lines:6.1f}% {branches:8.1f}%   {limits['lines']}% / {limits['branches']}%{'' if ok else '  BELOW'}")
if failed:
    print(f"coverage below threshold: {', '.join(failed)}", file=sys.stderr)
    sys.exit(1)
