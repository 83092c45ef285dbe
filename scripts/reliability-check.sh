#!/usr/bin/env bash
# The reliability checks of docs/operations.md ("The reliability checks"), runnable on their own: races between
# recalculations, a load whose database connection breaks, two nodes starting together on an empty database, the
# database stopped and started again, a node dying with event publications incomplete. Each check starts its own
# throw-away PostgreSQL (and, for the two-node and outage checks, application contexts of their own), so the
# script needs nothing running and leaves nothing behind. It prints each check's result and the measured figures.
set -euo pipefail
cd "$(dirname "$0")/.."
checks='SnapshotRaceTest,FailedLoadTest,TwoNodesFirstStartTest,DatabaseOutageTest,EventResubmissionTest,LetterMailTest'
mkdir -p target
started=$(date +%s)
mvn -B -ntp test -Dtest="$checks" -Dsurefire.failIfNoSpecifiedTests=false | tee target/reliability-check.log \
  | grep -E 'Tests run:|FAIL|Waited [0-9]+ ms' || true
echo "Reliability checks finished in $(( $(date +%s) - started )) s; details in target/reliability-check.log"
grep -q 'BUILD SUCCESS' target/reliability-check.log
