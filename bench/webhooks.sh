#!/usr/bin/env bash
# Webhook delivery under load, side by side with a bare Spring Boot endpoint in one run. Run by hand:
#   bash bench/webhooks.sh        (about 10 minutes on 2 cores)
# Every subject is warmed under its own load for WARMUP (30s), then ROUNDS (3) interleaved rounds of
# DURATION (15s) each; the medians are reported, with server CPU per request beside requests/s.
# The simulator runs as shipped (access log on, written to a file). Scenarios, each in a namespace
# of its own on one simulator:
#   reference  the bare app's create (wrk -t2 -c32)
#   lifecycle  create+confirm, capture, refund, each with an Idempotency-Key, one webhook endpoint
#              on a fast local receiver, the reference's /hooks (wrk -t2 -c32)
#   fast       create with an endpoint on the fast receiver (wrk -t2 -c32)
#   hang       create with the same fast endpoint and one on a receiver that never answers
#   floor      the lifecycle on bench/floor, a bare app that answers its calls and sends their
#              webhooks to the same receiver through the same client, and does nothing else: the
#              most any simulator on this stack could do here (wrk -t2 -c32)
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-3}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
SIM_PORT=18190
REF_PORT=18191
HANG_PORT=18193
FLOOR_PORT=18194
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/webhooks-$(date -u +%Y-%m-%dT%H%M%SZ).txt"

# shellcheck source=bench/common.sh
source bench/common.sh $SIM_PORT $REF_PORT $HANG_PORT $FLOOR_PORT
./mvnw -q -B -f bench/floor/pom.xml package -DskipTests
cp bench/floor/target/bench-floor-1.jar "$JARS/floor.jar"

java bench/HangingReceiver.java $HANG_PORT >/dev/null 2>&1 & PIDS+=("$!")
java $JAVA_OPTS -jar "$REF_JAR" --server.port=$REF_PORT >/tmp/bench-ref.log 2>&1 & REF_PID=$!; PIDS+=("$REF_PID")
java $JAVA_OPTS -jar "$JARS/floor.jar" --server.port=$FLOOR_PORT --floor.hooks-url="http://127.0.0.1:$REF_PORT/hooks" \
  >/tmp/bench-floor.log 2>&1 & FLOOR_PID=$!; PIDS+=("$FLOOR_PID")
# retention off the table: past max-payments the captured payments the lifecycle is about to
# refund would be dropped first, and the load of created ones never is
# SIM_ARGS: settings to try, such as --simulator.webhooks.max-in-flight-per-endpoint=16
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$SIM_JAR" --server.port=$SIM_PORT --simulator.retention.max-payments=5000000 ${SIM_ARGS:-} \
  >/tmp/bench-sim.log 2>&1 & SIM_PID=$!; PIDS+=("$SIM_PID")
wait_for $REF_PORT health; wait_for $FLOOR_PORT health; wait_for $SIM_PORT health

endpoint() {
  curl -sf "localhost:$SIM_PORT/v1/webhook_endpoints" -H "Authorization: Bearer $1" \
    -H "Content-Type: application/json" -d "{\"url\":\"http://127.0.0.1:$2/hooks\"}" >/dev/null
}
# a scenario's namespace emptied (what its load made serves no later load) and its endpoints
# subscribed again: the heap holds one load's payments at most, whatever WARMUP is (with 90 s of
# warm-up and nothing forgotten, 4 GB filled and the simulator spent its last rounds collecting)
fresh() {
  curl -sf -X POST "localhost:$SIM_PORT/v1/simulator/reset" -H "Authorization: Bearer sk_test_$1" >/dev/null
  endpoint "sk_test_$1" $REF_PORT
  if [ "$1" = hang ]; then endpoint sk_test_hang $HANG_PORT; fi
}
for scenario in lifecycle fast hang; do fresh $scenario; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
metric() {
  curl -s "localhost:$SIM_PORT/actuator/prometheus" | awk -v name="$1" -v label="${2:-}" \
    'index($0, name) == 1 && (label == "" || index($0, label) > 0) {sum += $2} END {printf "%d", sum}'
}
received() { curl -s "localhost:$REF_PORT/hooks/count"; }
# waits (at most a minute) until the fast receiver has got nothing for a second: the backlog a
# load left is delivered before the next subject is measured, so that no subject pays for the
# last one's deliveries
settled() {
  local last now
  now=$(received)
  for _ in $(seq 1 60); do
    last=$now; sleep 1; now=$(received)
    [ "$now" = "$last" ] && return
  done
}
# connections from the simulator to the two receivers (not the floor's, idle between its loads)
# and the simulator's threads, sampled every 200 ms while a load runs; the largest seen is
# written to the given file
sample() {
  local max_conn=0 max_threads=0 conn threads
  while kill -0 "$1" 2>/dev/null; do
    conn=$(ss -Htnp state established "( dport = :$REF_PORT or dport = :$HANG_PORT )" | grep -c "pid=$SIM_PID," || true)
    threads=$(ls "/proc/$SIM_PID/task" | wc -l)
    (( conn > max_conn )) && max_conn=$conn
    (( threads > max_threads )) && max_threads=$threads
    sleep 0.2
  done
  echo "$max_conn $max_threads" > "$2"
}

# one load: prints rps p99_ms max_ms cpu_us_per_request non2xx receiver_cpu_us_per_request (the
# reference app is the fast receiver: what it spends on the webhooks of a simulator load shares
# the same cores, and bounds what any simulator could do here)
run() {
  local port=$1 pid=$2 key=$3 script=$4 duration=$5
  local before after receiver_before receiver_after
  before=$(cpu_ticks "$pid")
  receiver_before=$(cpu_ticks "$REF_PID")
  KEY=$key SCRIPT=bench/lua/$script wrk -t2 -c32 -d"$duration" --latency -s bench/lua/keyed.lua \
    "http://localhost:$port" > /tmp/bench-wrk.txt &
  local wrk_pid=$!
  sample $wrk_pid /tmp/bench-sample.txt &
  local sampler=$!
  wait $wrk_pid; wait $sampler
  after=$(cpu_ticks "$pid")
  receiver_after=$(cpu_ticks "$REF_PID")
  awk -v ticks=$((after - before)) -v receiver=$((receiver_after - receiver_before)) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {rps = $2}
    / 99%/ {p99 = ms($2)}
    /Latency/ && !lat {max = ms($4); lat = 1}
    /requests in/ {n = $1}
    /Non-2xx/ {bad = $5}
    END {printf "%.0f %.1f %.1f %.0f %d %.0f\n", rps, p99, max, ticks * 10000 / n, bad, receiver * 10000 / n}' /tmp/bench-wrk.txt
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
column() { awk -v c="$1" '{print $c}' | median; }

echo "warming each subject for $WARMUP..."
run $REF_PORT $REF_PID none create.lua "$WARMUP" >/dev/null
run $FLOOR_PORT $FLOOR_PID none lifecycle.lua "$WARMUP" >/dev/null
settled
for scenario in lifecycle fast hang; do
  script=create.lua; [ $scenario = lifecycle ] && script=lifecycle.lua
  run $SIM_PORT $SIM_PID sk_test_$scenario $script "$WARMUP" >/dev/null
  settled
  fresh $scenario
done

: > /tmp/bench-rounds.txt
for round in $(seq 1 "$ROUNDS"); do
  echo "reference $(run $REF_PORT $REF_PID none create.lua "$DURATION")" >> /tmp/bench-rounds.txt
  settled
  # the floor counts no events: a lifecycle makes 4 in 3 calls
  got_before=$(received)
  figures=$(run $FLOOR_PORT $FLOOR_PID none lifecycle.lua "$DURATION")
  sleep 1
  echo "floor $figures - $(( $(received) - got_before ))" >> /tmp/bench-rounds.txt
  settled
  for scenario in lifecycle fast hang; do
    script=create.lua; [ $scenario = lifecycle ] && script=lifecycle.lua
    events_before=$(metric simulator_payment_transitions_total)
    failed_before=$(metric simulator_webhook_deliveries_total 'result="retrying"')
    got_before=$(received)
    figures=$(run $SIM_PORT $SIM_PID sk_test_$scenario $script "$DURATION")
    read -r conn threads < /tmp/bench-sample.txt
    # deliveries of the window still under way land within a second
    sleep 1
    events=$(( $(metric simulator_payment_transitions_total) - events_before ))
    failed=$(( $(metric simulator_webhook_deliveries_total 'result="retrying"') - failed_before ))
    got=$(( $(received) - got_before ))
    echo "$scenario $figures $events $got $failed $conn $threads" >> /tmp/bench-rounds.txt
    settled
    fresh $scenario
  done
  echo "round $round done"
done

{
  echo "Webhook benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) cores; $(java -version 2>&1 | head -1)"
  echo "wrk -t2 -c32; $WARMUP warm-up per subject; $ROUNDS interleaved rounds of $DURATION; medians; access log on; ${SIM_ARGS:-default settings}"
  echo
  echo "every round (scenario rps p99_ms max_ms cpu_us/req non2xx receiver_cpu_us/req events fast_received failed_attempts max_conns max_threads):"
  cat /tmp/bench-rounds.txt
  echo
  printf '%-10s %9s %9s %9s %12s %8s %12s %9s %9s %7s %6s %8s\n' scenario rps p99_ms max_ms cpu_us/req non2xx recv_us/req events received failed conns threads
  for scenario in reference floor lifecycle fast hang; do
    grep "^$scenario " /tmp/bench-rounds.txt > /tmp/bench-one.txt
    printf '%-10s' "$scenario"
    for c in 2 3 4 5 6 7 8 9 10 11 12; do printf ' %9s' "$(column $c < /tmp/bench-one.txt)"; done
    echo
  done
  echo
  rps() { grep "^$1 " /tmp/bench-rounds.txt | column 2; }
  awk -v ref="$(rps reference)" -v floor="$(rps floor)" -v life="$(rps lifecycle)" 'BEGIN {
    printf "lifecycle vs reference %.2f; floor vs reference %.2f; lifecycle vs floor %.2f (medians of requests/s)\n",
      life / ref, floor / ref, life / floor }'
} | tee "$OUT"
echo "written to $OUT"
