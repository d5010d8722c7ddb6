#!/usr/bin/env bash
# Refreshes the services' OpenAPI documents under clients/openapi/ from the services themselves (each service's
# document test writes what it serves), then regenerates the typed .NET client in clients/Platform.Client/ from them.
# Run it after changing an endpoint, and commit what it changes: the tests fail while either is behind the services.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly
for tests in Backtests MarketData Optimizations Health; do
  PLATFORM_UPDATE_OPENAPI_DOCUMENTS=1 dotnet test "tests/$tests.Tests" --no-build -nologo \
    --filter "FullyQualifiedName~OpenApi.TheOpenApiDocumentIsComplete" >/dev/null
done
scripts/kiota-generate.sh clients/Platform.Client
git status --short clients
