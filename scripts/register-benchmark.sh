#!/usr/bin/env bash
# Builds a register of about 100,000 commitments from the corpus and times the outstanding list and a diff.
# A benchmark, not a test: run it by hand on a quiet machine and record the figures in docs/performance.md.
#
#   swift build -c release --product hansard
#   scripts/register-benchmark.sh [.build/release/hansard] [work-folder]
#   PAGES=some/folder scripts/register-benchmark.sh     # build it from other pages than corpus/
#   TARGET=1000000 RUNS=3 LIMIT=300 scripts/register-benchmark.sh   # a million commitments, best of 3,
#                                                                   # each command stopped after 300 s
#   ANALYZE=0 scripts/register-benchmark.sh       # no statistics tables, as in a register hansard made
#
# The corpus is added once through `hansard register add`; its debates and commitments are then copied
# under distinct identities with sqlite3 (as if the corpus had been added many times) until there are
# 100,000 commitments. The second register resolves every tenth commitment and rewords every fiftieth,
# so the diff has work to do.
set -euo pipefail
cd "$(dirname "$0")/.."
hansard=${1:-.build/release/hansard}
work=${2:-$(mktemp -d)}
target=${TARGET:-100000}
runs=${RUNS:-5}
limit=${LIMIT:-600}
analyze=${ANALYZE:-1}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command-line tool" >&2; exit 1; }

base="$work/base.sqlite"
rm -f "$base"*
"$hansard" register add --quiet --register "$base" "${PAGES:-corpus/}" >/dev/null
per=$(sqlite3 "$base" "SELECT COUNT(*) FROM commitment")
copies=$(( (target + per - 1) / per ))
echo "corpus: $per commitments; copying $copies times"

big="$work/big.sqlite"
rm -f "$big"*
sqlite3 "$base" "VACUUM INTO '$big'"
sqlite3 "$big" <<SQL
PRAGMA foreign_keys = OFF;
CREATE TEMP TABLE d0 AS SELECT * FROM debate;
CREATE TEMP TABLE c0 AS SELECT * FROM commitment;
DELETE FROM followUpLink; DELETE FROM speech; DELETE FROM request; DELETE FROM evasion; DELETE FROM mention;
DELETE FROM commitment;
DELETE FROM debateVersion; DELETE FROM debate;
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $copies)
INSERT INTO debate SELECT d0.id || '-' || k, d0.identity || '#' || k, title, house, date, url, type,
    sha256 || '-' || k, sourcePath, revision, addedAt, updatedAt, volume, format, bytes, governmentTurns FROM d0, n;
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $copies)
INSERT INTO commitment SELECT c0.id || '-' || k, c0.analysisId || '-' || k, c0.debateId || '-' || k, debateDate, house,
    turn, speakerName, speakerRole, office, department, quote, action, object, subject, timingPhrase, timingClass,
    dueBy, strength, source, requestId, status, statusDate, firstRevision, missingSinceRevision, person, speakerAliases,
    departmentSource, speakerEvidence, heading, debateTitle,
    startColumn, contributionId, government, parliament, kind, analysisEvidence, machineValues FROM c0, n;
-- VACUUM INTO may give rows new rowids; the search index follows the commitment table by rowid.
INSERT INTO commitmentSearch(commitmentSearch) VALUES('rebuild');
SQL
if [ "$analyze" = 1 ]; then sqlite3 "$big" "ANALYZE"; fi
sqlite3 "$big" "SELECT COUNT(*) || ' commitments in ' || (SELECT COUNT(*) FROM debate) || ' debates' FROM commitment"

newer="$work/newer.sqlite"
rm -f "$newer"*
sqlite3 "$big" "VACUUM INTO '$newer'"
sqlite3 "$newer" <<SQL
INSERT INTO statusEvent SELECT 'e-' || id, id, 'fulfilled', '2024-01-01', '2024-01-02T00:00:00Z', 'bench', 'benchmark', NULL, NULL,
    NULL FROM commitment WHERE rowid % 10 = 0;
UPDATE commitment SET status = 'fulfilled', statusDate = '2024-01-01' WHERE rowid % 10 = 0;
UPDATE commitment SET quote = quote || ' (reworded)' WHERE rowid % 50 = 0;
SQL

time_it() { # label, command...
    local label=$1; shift
    local best=999999999
    for _ in $(seq "$runs"); do
        local start end ms status=0
        start=$(date +%s%N)
        timeout "$limit" "$@" >/dev/null 2>"$work/stderr" || status=$?
        end=$(date +%s%N)
        if [ "$status" = 124 ]; then echo "$label: stopped after $limit s"; return; fi
        # 1 is `diff` finding differences; anything else is a failed command, not a time.
        if [ "$status" != 0 ] && [ "$status" != 1 ]; then
            echo "$label: exit $status: $(head -n 1 "$work/stderr")" >&2
            exit 1
        fi
        ms=$(( (end - start) / 1000000 )); (( ms < best )) && best=$ms
    done
    echo "$label: best of $runs $best ms"
}
n=$(sqlite3 "$big" "SELECT COUNT(*) FROM commitment")
time_it "process start (hansard --version)" "$hansard" --version
time_it "outstanding list, first 50 rows (table)" "$hansard" commitments --register "$big" --all-governments --limit 50 --format table
time_it "current government's outstanding list, first 50 rows (csv)" "$hansard" commitments --register "$big" --limit 50 --format csv
time_it "--department Defence, first 50 rows (csv)" "$hansard" commitments --register "$big" --department Defence --limit 50 --format csv
time_it "--all --minister Eccles, first 50 rows (csv)" "$hansard" commitments --register "$big" --all --all-governments --minister Eccles --limit 50 --format csv
time_it "search, one word, first 50 rows (tsv)" "$hansard" search guidance --register "$big" --limit 50
time_it "search, two words, first 50 rows (tsv)" "$hansard" search prison sites --register "$big" --limit 50
time_it "search, one word (tsv)" "$hansard" search guidance --register "$big"
time_it "outstanding list, all rows (csv)" "$hansard" commitments --register "$big" --all-governments --format csv
time_it "overdue list, all rows (csv)" "$hansard" commitments --register "$big" --all-governments --overdue --format csv
time_it "diff of two $n-commitment registers (table)" "$hansard" diff "$big" "$newer"
time_it "diff of two $n-commitment registers (json)" "$hansard" diff --format json "$big" "$newer"
echo "registers kept in $work"
