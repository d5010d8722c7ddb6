"""Prints, for every measured project, the line coverage each test project gives it on its own.

A project's own tests (Backtests.Tests for Backtests) come first, so coverage that only an integration suite gives,
incidentally, stands out beside what the project's tests check. Reads the Cobertura files that scripts/test.sh writes
under <results>/<test project>/.
"""
import glob
import os
import sys
import xml.etree.ElementTree as ElementTree

results = sys.argv[1]
covered = {}
for report in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
    test_project = next(part for part in report.split(os.sep) if part.endswith(".Tests"))
    for package in ElementTree.parse(report).getroot().iter("package"):
        lines = [line for cls in package.iter("class") for line in cls.iter("line")]
        if lines:
            hit = sum(1 for line in lines if int(line.get("hits", "0")) > 0)
            covered.setdefault(package.get("name"), {})[test_project] = 100.0 * hit / len(lines)

print("lines covered by each test project alone (own tests first)")
for project in sorted(covered):
    own = f"{project}.Tests"
    ordered = sorted(covered[project].items(), key=lambda item: (item[0] != own, -item[1]))
    cells = ", ".join(f"{tests.removesuffix('.Tests')} {share:.1f}%" for tests, share in ordered if share > 0)
    print(f"{project:<16} {cells}")
