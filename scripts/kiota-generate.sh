#!/usr/bin/env bash
# Generates the typed .NET client of each service from its committed OpenAPI document (clients/openapi/<service>.json)
# with Kiota, the tool manifest's version, into <output>/<Service>. Usage: scripts/kiota-generate.sh <output>
# scripts/generate-client.sh calls it with clients/Platform.Client; the test that keeps the client current calls it with
# a scratch directory and compares.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="$(realpath -m "$1")"
cd "$root"
dotnet tool restore >/dev/null

declare -A clients=([backtests]=Backtests [marketdata]=MarketData [optimizations]=Optimizations [health]=Health)
for service in backtests marketdata optimizations health; do
  name="${clients[$service]}"
  # The generator is the manifest's version: no update check, no tutorial hints.
  KIOTA_UPDATE_DISABLED=true KIOTA_TUTORIAL_ENABLED=false dotnet kiota generate --language CSharp \
    --openapi "clients/openapi/$service.json" --output "$output/$name" \
    --namespace-name "Platform.Client.$name" --class-name "${name}Client" \
    --exclude-backward-compatible --clean-output --log-level Error >/dev/null
  rm -f "$output/$name/.kiota.log"
done
