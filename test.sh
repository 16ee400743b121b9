#!/usr/bin/env bash
# Runs every test of PharmaMes on this machine, installing first what the tests need:
# Chromium for the browser tests, Mosquitto for the broker tests, xmllint for schema checks,
# Redis for the tests of several nodes,
# axe-core (npm) that the browser tests inject to check accessibility, and Cirrus Link's
# sparkplug-client (npm), the real Sparkplug B edge node of the Sparkplug tests, and PostgreSQL,
# which the PostgreSQL tests start a server of their own from.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto mosquitto-clients)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -x /usr/bin/redis-server ] || command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v npm >/dev/null 2>&1 || { sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"; $sudo_cmd apt-get install -y -qq --no-install-recommends npm >/dev/null; }
if [ ! -f tests/PharmaMes.EndToEnd.Tests/axe/node_modules/axe-core/axe.min.js ]; then
  npm ci --prefix tests/PharmaMes.EndToEnd.Tests/axe --no-audit --no-fund >/dev/null
fi
if [ ! -f tests/sparkplug-edge-node/node_modules/sparkplug-client/index.js ]; then
  npm ci --prefix tests/sparkplug-edge-node --no-audit --no-fund >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build PharmaMes.sln -c Debug -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One project at a time: on two cores, browser tests sharing the machine with the database tests
# wait on the CPU, not on the app, and a slow moment must not read as a failure.
status=0
set +e
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" -c Debug --no-build -nologo "$@" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# Every benchmark at a small size, so none can rot; the figures that count are made in Release (docs/benchmarks.md).
for benchmark in "review 200 5" "inventory 50 500 2" "outbox 200 10" "ingest 2000 10 100" "latency 200 3 5" "oee 2 1 2" "planning 20 8 1" "impact 20 12 1" "cluster 2000 10 100 50 5"; do
  echo "Benchmark (small): $benchmark"
  # shellcheck disable=SC2086
  output=$(dotnet run -c Debug --no-build --project benchmarks/PharmaMes.Benchmarks -- $benchmark 2>&1)
  code=$?
  grep -E "RESULT|target|lost|received|delivered" <<<"$output" | tee -a "$log"
  # A benchmark that ran to its end prints its RESULT line: anything else is a failure, with its output.
  if [ "$code" -ne 0 ] || ! grep -q "^RESULT " <<<"$output"; then
    echo "Benchmark failed: $benchmark (exit $code)"; tail -40 <<<"$output"; status=1
  fi
done
set -e

# One closing line with the totals of every test project.
awk '
  /(Passed|Failed)!  *- Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
    projects++
  }
  END { printf "Projects: %d\nTotals: %d passed, %d failed, %d skipped\n", projects, passed, failed, skipped }
' "$log"
exit "$status"
