#!/usr/bin/env bash
# The single test command: installs the servers the tests start (Debian packages), builds the solution once in
# Release, runs every test project under tests/ (each with a time limit, continuing after failures), and ends with
# one plain line "N passed, N failed[, N skipped]" counted from the TRX files. Exits non-zero when anything failed.
#
#   ./test.sh                        every test project
#   ./test.sh tests/Ingest.Tests     only the projects named (directories or .csproj files)
#
# Environment: TEST_TIMEOUT (per project, default 20m), TEST_RESULTS_DIR (default ./TestResults),
# SKIP_APT=1 (do not install packages).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

TEST_TIMEOUT="${TEST_TIMEOUT:-20m}"
RESULTS_DIR="${TEST_RESULTS_DIR:-$ROOT/TestResults}"
PACKAGES=(mosquitto mosquitto-clients postgresql influxdb redis-server chromium)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '%s\n' "$*"; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

install_missing_packages() {
  if [[ "${SKIP_APT:-0}" == "1" ]]; then
    say "==> SKIP_APT=1: not installing Debian packages"
    return
  fi
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "==> no apt-get/dpkg here: not installing ${PACKAGES[*]} (the server fixtures will say what is missing)"
    return
  fi
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if ((${#missing[@]} == 0)); then
    say "==> Debian packages present: ${PACKAGES[*]}"
    return
  fi
  local sudo=()
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      say "==> not root and no sudo: cannot install ${missing[*]}; the tests that need them will fail and say so"
      return
    fi
  fi
  say "==> installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

test_projects() {
  if (($# > 0)); then
    local arg
    for arg in "$@"; do
      if [[ -d "$arg" ]]; then ls "$arg"/*.csproj; else echo "$arg"; fi
    done
    return
  fi
  grep -lE '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>' tests/*/*.csproj | sort
}

# Sums one attribute of <Counters .../> over the TRX files of a directory.
trx_count() {
  local dir="$1" attribute="$2" total=0 file value
  while IFS= read -r -d '' file; do
    value="$(grep -o "<Counters [^>]*" "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]\+' | head -n 1 || true)"
    total=$((total + ${value:-0}))
  done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)
  echo "$total"
}

summary() {
  local line="$PASSED passed, $FAILED failed"
  ((SKIPPED > 0)) && line+=", $SKIPPED skipped"
  say "$line"
}

PASSED=0
FAILED=0
SKIPPED=0
BROKEN=()

install_missing_packages

if ! command -v dotnet >/dev/null 2>&1; then
  say "==> dotnet is not on PATH: install the .NET 10 SDK"
  FAILED=1
  summary
  exit 1
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

mapfile -t PROJECTS < <(test_projects "$@")
if ((${#PROJECTS[@]} == 0)); then
  say "==> no test projects found"
  FAILED=1
  summary
  exit 1
fi

# The whole solution once; only the named projects (and what they reference) when some were named.
BUILD_TARGETS=(WorkOrders.sln)
(($# > 0)) && BUILD_TARGETS=("${PROJECTS[@]}")
build_started=$(date +%s)
for target in "${BUILD_TARGETS[@]}"; do
  say "==> building $target (Release)"
  if ! dotnet build "$target" -c Release -nologo -clp:"ErrorsOnly;Summary" 2>&1 | tee -a "$RESULTS_DIR/build.log"; then
    say "==> build of $target FAILED after $(seconds_since "$build_started") s (log: $RESULTS_DIR/build.log)"
    FAILED=1
    summary
    exit 1
  fi
done
say "==> build took $(seconds_since "$build_started") s"
index=0
for project in "${PROJECTS[@]}"; do
  index=$((index + 1))
  name="$(basename "$project" .csproj)"
  out="$RESULTS_DIR/$name"
  mkdir -p "$out"
  say ""
  say "==> [$index/${#PROJECTS[@]}] $name"
  started=$(date +%s)
  set +e
  timeout --kill-after=60s "$TEST_TIMEOUT" \
    dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" --results-directory "$out" \
    2>&1 | tee "$out/console.log"
  rc=${PIPESTATUS[0]}
  set -e
  passed=$(trx_count "$out" passed)
  failed=$(($(trx_count "$out" failed) + $(trx_count "$out" error) + $(trx_count "$out" timeout)))
  # xunit's skipped tests are "NotExecuted" results, counted in total but not in executed.
  skipped=$(($(trx_count "$out" total) - $(trx_count "$out" executed)))
  verdict="exit $rc"
  if ((rc == 124 || rc == 137)); then
    verdict="TIMED OUT after $TEST_TIMEOUT"
    failed=$((failed + 1))
    BROKEN+=("$name (timed out)")
  elif [[ -z "$(find "$out" -name '*.trx' -print -quit)" ]]; then
    verdict="CRASHED without results (exit $rc)"
    failed=$((failed + 1))
    BROKEN+=("$name (no results, exit $rc)")
  elif ((rc != 0 && failed == 0)); then
    verdict="FAILED (exit $rc) although no test failed: the test host crashed or aborted"
    failed=1
    BROKEN+=("$name (exit $rc)")
  fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  SKIPPED=$((SKIPPED + skipped))
  say "<== $name: $passed passed, $failed failed, $skipped skipped; $verdict; $(seconds_since "$started") s"
done

say ""
if ((${#BROKEN[@]} > 0)); then
  say "==> projects without a clean result: ${BROKEN[*]}"
fi
say "==> TRX files: $RESULTS_DIR"
summary
((FAILED == 0))
