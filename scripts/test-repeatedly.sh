#!/usr/bin/env bash
# Runs the whole suite (scripts/test.sh) N times in a row (default 5) and stops at the first failing run, to show the
# suite passes without timing luck. Prints one line per run and keeps each run's output in the given log folder.
# Usage: scripts/test-repeatedly.sh [runs] [log folder]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
logs=${2:-$(mktemp -d /tmp/platform-test-runs.XXXXXX)}
mkdir -p "$logs"
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  scripts/test.sh >"$logs/run-$run.log" 2>&1
  status=$?
  passed=$(grep -oE 'Passed: +[0-9]+' "$logs/run-$run.log" | awk '{ sum += $2 } END { print sum + 0 }')
  failed=$(grep -oE 'Failed: +[0-9]+' "$logs/run-$run.log" | awk '{ sum += $2 } END { print sum + 0 }')
  echo "case=suite_run run=$run seconds=$(( $(date +%s) - started )) passed=$passed failed=$failed exit=$status log=$logs/run-$run.log"
  [ "$status" -eq 0 ] || exit "$status"
done
