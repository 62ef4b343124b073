#!/usr/bin/env bash
# `npm run bench:e2e-loaded`: the whole browser suite (PGlite, Postgres and the two-node cluster,
# as CI runs it) RUNS times in a row (default 5) with two busy loops keeping both cores loaded,
# on the production build already in `.next` (run `npx playwright test` or `npm run build`
# first). Needs TEST_DATABASE_URL for the Postgres and cluster projects. Prints one line a run;
# each run's full report is in bench/results/e2e-loaded-N.log.
set -u
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
mkdir -p bench/results
export CI=true E2E_PREBUILT=1
sh -c 'while :; do :; done' &
busy1=$!
sh -c 'while :; do :; done' &
busy2=$!
trap 'kill $busy1 $busy2 2>/dev/null' EXIT
failures=0
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  log="bench/results/e2e-loaded-$run.log"
  npx playwright test --output "test-results/e2e-loaded-$run" >"$log" 2>&1
  code=$?
  [ "$code" -eq 0 ] || failures=$((failures + 1))
  summary=$(grep -E "^\s+[0-9]+ (passed|failed|flaky)" "$log" | tr -s ' ' | tr '\n' ' ')
  echo "run $run: exit $code, $(($(date +%s) - started)) s,$summary"
done
echo "$failures of $runs runs failed"
