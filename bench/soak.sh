#!/usr/bin/env bash
# Memory under a long run of ordinary traffic. Run by hand:
#   bash bench/soak.sh        (about 4 minutes on 2 cores)
# One simulator with the default settings in a small heap (-Xmx256m), and CREATES (1,000,000)
# creates that confirm at once and end succeeded, in loads of 20 s (wrk -t2 -c32). After each
# load a full GC, then the heap in use is read. At the end: errors (non-2xx and socket errors),
# whether the process is alive, and what the oldest payment of the run answers now.
set -euo pipefail
cd "$(dirname "$0")/.."

CREATES=${CREATES:-1000000}
HEAP=${HEAP:--Xmx256m}
SIM_PORT=18195
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/soak-$(date -u +%Y-%m-%dT%H%M%SZ).txt"

# shellcheck source=bench/common.sh
source bench/common.sh $SIM_PORT

java $HEAP -jar "$SIM_JAR" --server.port=$SIM_PORT >/tmp/bench-soak.log 2>&1 & SIM_PID=$!; PIDS+=("$SIM_PID")
wait_for $SIM_PORT health

heap_after_gc() {
  jcmd "$SIM_PID" GC.run >/dev/null
  jcmd "$SIM_PID" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i+1); exit}}'
}

{
  echo "Soak, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; $(java -version 2>&1 | head -1); $HEAP; default settings"
  echo "creates_so_far requests_per_s errors heap_used_after_full_gc"
} | tee "$OUT"
done_so_far=0
errors=0
first=""
while [ "$done_so_far" -lt "$CREATES" ]; do
  KEY=sk_test_soak SCRIPT=bench/lua/create_confirmed.lua wrk -t2 -c32 -d20s -s bench/lua/keyed.lua \
    "http://localhost:$SIM_PORT" > /tmp/bench-soak-wrk.txt
  n=$(awk '/requests in/ {print $1}' /tmp/bench-soak-wrk.txt)
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' /tmp/bench-soak-wrk.txt)
  bad=$(awk '/Non-2xx/ {s += $5} /Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' /tmp/bench-soak-wrk.txt)
  done_so_far=$((done_so_far + n)); errors=$((errors + bad))
  [ -z "$first" ] && first=$(curl -s "localhost:$SIM_PORT/v1/payments?limit=1" -H "Authorization: Bearer sk_test_soak" \
    | sed -n 's/.*"id":"\(pay_[^"]*\)".*/\1/p' | head -1)
  echo "$done_so_far $rps $errors $(heap_after_gc)" | tee -a "$OUT"
done

alive=no; kill -0 "$SIM_PID" 2>/dev/null && alive=yes
oldest=$(curl -s "localhost:$SIM_PORT/v1/payments/$first" -H "Authorization: Bearer sk_test_soak")
{
  echo
  echo "creates: $done_so_far; errors: $errors; alive: $alive"
  echo "a payment of the first load ($first) now answers: $oldest"
} | tee -a "$OUT"
echo "written to $OUT"
