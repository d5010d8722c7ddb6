#!/usr/bin/env bash
# Starts the whole platform locally: PostgreSQL, Redis, the four services and the gateway (http://localhost:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
