#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the tool manifest's version): the engine, and the pure logic of the optimizations
# and market data services, each against its own tests and break threshold (mutation/<target>.json). Fails when a
# target's score is below its break threshold. Usage: scripts/mutation.sh [engine|optimizations|marketdata ...]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

declare -A tests=([engine]=tests/Engine.Tests [optimizations]=tests/Optimizations.Tests [marketdata]=tests/MarketData.Tests)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(engine optimizations marketdata)

status=0
for target in "${targets[@]}"; do
  [ -n "${tests[$target]:-}" ] || { echo "unknown target '$target' (engine, optimizations, marketdata)" >&2; exit 2; }
  output="$PWD/mutation/reports/$target"
  (cd "${tests[$target]}" && dotnet stryker --config-file "../../mutation/$target.json" --output "$output") || status=$?
  score=$(python3 -c "
import json, sys
report = json.load(open(sys.argv[1]))
killed = survived = 0
for file in report['files'].values():
    for mutant in file['mutants']:
        killed += mutant['status'] in ('Killed', 'Timeout')
        survived += mutant['status'] in ('Survived', 'NoCoverage')
print(f'{100 * killed / max(1, killed + survived):.2f} killed={killed} survived={survived}')
" "$output/reports/mutation-report.json")
  echo "case=mutation_$target score=$score"
done
exit "$status"
