#!/usr/bin/env bash
# Adds an EF Core migration for one service on all three providers (Sqlite, Postgres, SqlServer).
# Usage: scripts/add-migration.sh <Membership|Points|Ticketing> <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
service=${1:?usage: scripts/add-migration.sh <Service> <MigrationName>}
name=${2:?usage: scripts/add-migration.sh <Service> <MigrationName>}
project=services/$service/Changxing.$service.csproj
[ -f "$project" ] || { echo "No such service project: $project" >&2; exit 2; }

dotnet tool restore >/dev/null
dotnet build "$project" -v q -nologo >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build \
    --project "$project" \
    --context "${provider}${service}DbContext" \
    --output-dir "Data/Migrations/$provider"
done
echo "Added migration $name to $service for Sqlite, Postgres and SqlServer."
