#!/usr/bin/env bash
# Runs every test with coverage against one pair of throwaway PostgreSQL and Redis servers, prints which test project
# covers which project and the per-project coverage table, and fails when a project is below the thresholds in
# coverage-thresholds.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

results=$(mktemp -d /tmp/platform-test-results.XXXXXX)
trap 'rm -rf "$results"' EXIT

dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly

# One PostgreSQL and one Redis for the whole run, shared by every test project through the environment.
servers="$results/servers.env"
dotnet run --no-build --project tests/TestServers -- "$servers" &
servers_pid=$!
trap 'kill "$servers_pid" 2>/dev/null; wait "$servers_pid" 2>/dev/null; rm -rf "$results"' EXIT
for _ in $(seq 1 300); do [ -s "$servers" ] && break; kill -0 "$servers_pid" 2>/dev/null || exit 1; sleep 0.2; done
set -a; . "$servers"; set +a

# Two test projects at a time, the end-to-end suite (the longest) first, so that the others run beside it.
status=0
{ ls -d tests/EndToEnd.Tests; ls -d tests/*.Tests | grep -v EndToEnd; } |
  xargs -P 2 -I {} dotnet test {} --no-build -nologo --settings coverlet.runsettings \
    --collect "XPlat Code Coverage" --results-directory "$results/coverage/{}" "$@" || status=$?

dotnet reportgenerator -reports:"$results/coverage/**/coverage.cobertura.xml" -targetdir:"$results/report" \
  -reporttypes:"JsonSummary;TextSummary" -verbosity:Warning >/dev/null
python3 scripts/coverage-by-tests.py "$results/coverage"
python3 scripts/coverage-gate.py "$results/report/Summary.json" coverage-thresholds.json || status=$?
exit "$status"
