#!/usr/bin/env bash
# The benchmark: the simulator against a bare Spring Boot MVC app, measured in one run with the
# same wrk settings, each figure printed as a ratio to its reference. Run by hand:
#   bash bench/run.sh            (about 13 minutes on 2 cores)
# Environment: DURATION (default 20s per load), WARMUP (10s, before the lifecycle loads),
# SIM_WARMUP (90s) and REF_WARMUP (30s) before the create rounds, ROUNDS (3) of ROUND (15s),
# JAVA_OPTS (same for both apps); IMAGE_JAVA (a Java 25 `java`, found under /usr/lib/jvm if
# unset) for the image's start command;
# PG_HOST (127.0.0.1), PG_PORT (5432), PG_DATABASE, PG_USER, PG_PASSWORD (simulator) for the
# PostgreSQL store's figures, as .ci/run sets the database up.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
SIM_WARMUP=${SIM_WARMUP:-90s}
REF_WARMUP=${REF_WARMUP:-30s}
ROUNDS=${ROUNDS:-3}
ROUND=${ROUND:-15s}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
IMAGE_JAVA=${IMAGE_JAVA:-$(ls /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_DATABASE=${PG_DATABASE:-simulator}
PG_USER=${PG_USER:-simulator}
PG_PASSWORD=${PG_PASSWORD:-simulator}
SIM_PORT=18180
REF_PORT=18181
HANG_PORT=18182
RESULTS=bench/results
mkdir -p "$RESULTS"
OUT="$RESULTS/$(date -u +%Y-%m-%dT%H%M%SZ).txt"

# shellcheck source=bench/common.sh
source bench/common.sh $SIM_PORT $REF_PORT $HANG_PORT

# ms from launch to the first 200 on /health of the command after the port, run in DIR if set
startup_ms() {
  local port=$1; shift
  local start end pid
  start=$(date +%s%N)
  (cd "${DIR:-.}" && exec "$@" --server.port="$port") >/dev/null 2>&1 &
  pid=$!
  wait_for "$port"
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

start_sim() {
  java $JAVA_OPTS -jar "$SIM_JAR" --server.port=$SIM_PORT "$@" >/tmp/bench-sim.log 2>&1 &
  SIM_PID=$!; PIDS+=("$SIM_PID"); wait_for $SIM_PORT
}
stop_sim() { kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true; }

# requests per second and p99 latency (ms) of one wrk run
load() {
  local port=$1 script=$2 threads=$3 connections=$4 duration=$5
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "bench/lua/$script" "http://localhost:$port" \
    > /tmp/bench-wrk.txt
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' /tmp/bench-wrk.txt)
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' /tmp/bench-wrk.txt)
  if grep -q "Non-2xx" /tmp/bench-wrk.txt; then echo "warning: $(grep Non-2xx /tmp/bench-wrk.txt) in $script" >&2; fi
  echo "$rps $p99"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

# requests/s, p99 (ms) and the server's CPU µs per request (user+system of the process) of one load
measure() {
  local port=$1 pid=$2 script=$3 t0 t1 n rps p99
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  read -r rps p99 <<<"$(load "$port" "$script" 2 32 "$ROUND")"
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  n=$(awk '/requests in/ {print $1}' /tmp/bench-wrk.txt)
  echo "$rps $p99 $(awk -v t="$((t1 - t0))" -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t * 1000000 / hz / n}')"
}

# gives the running simulator a webhook endpoint at the given local port
add_endpoint() {
  curl -s "localhost:$SIM_PORT/v1/webhook_endpoints" -H "Content-Type: application/json" \
    -d "{\"url\":\"http://127.0.0.1:$1/hooks\"}" >/dev/null
}

# the lifecycle load on the running simulator after its warm-up: requests/s and p99 (ms)
lifecycle() {
  load $SIM_PORT lifecycle.lua 4 4 "$WARMUP" >/dev/null
  load $SIM_PORT lifecycle.lua 4 4 "$DURATION"
}

report() { printf '%-58s %12s %12s %8s %s\n' "$@" | tee -a "$OUT"; }

{
  echo "Payment Simulator benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "creates side by side: $SIM_WARMUP (simulator) and $REF_WARMUP (reference) warm-up, $ROUNDS interleaved rounds of $ROUND, medians;"
  echo "lifecycle loads: $DURATION after $WARMUP warm-up; access log on; JAVA_OPTS=$JAVA_OPTS"
  echo
} | tee "$OUT"
report "figure" "simulator" "reference" "ratio" "target"

# --- start-up, alternating the two apps
sim_starts=(); ref_starts=()
for i in 1 2 3 4 5; do
  ref_starts+=("$(startup_ms $REF_PORT java $JAVA_OPTS -jar "$REF_JAR")")
  sim_starts+=("$(startup_ms $SIM_PORT java $JAVA_OPTS -jar "$SIM_JAR" --logging.level.dev.paymentsimulator.access=WARN)")
done
sim_start=$(printf '%s\n' "${sim_starts[@]}" | median)
ref_start=$(printf '%s\n' "${ref_starts[@]}" | median)
report "start-up to first 200 on /health, median of 5 (ms)" "$sim_start" "$ref_start" "$(ratio "$sim_start" "$ref_start")" "<= 1.30"

# The image's start command outside Docker: the extracted jar on Java 25 with the AOT cache of
# one training start, as the Dockerfile makes it, against the bare app's java -jar
if [ -x "$IMAGE_JAVA" ]; then
  image_dir=$(mktemp -d)
  java -Djarmode=tools -jar "$SIM_JAR" extract --destination "$image_dir" >/dev/null
  image_jar=$(basename "$SIM_JAR")
  (cd "$image_dir" && "$IMAGE_JAVA" -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
    -jar "$image_jar" >/dev/null 2>&1)
  image_starts=(); ref_starts=()
  for i in 1 2 3 4 5; do
    ref_starts+=("$(startup_ms $REF_PORT java $JAVA_OPTS -jar "$REF_JAR")")
    image_starts+=("$(DIR=$image_dir startup_ms $SIM_PORT "$IMAGE_JAVA" $JAVA_OPTS -XX:AOTCache=app.aot \
      -jar "$image_jar" --logging.level.dev.paymentsimulator.access=WARN)")
  done
  image_start=$(printf '%s\n' "${image_starts[@]}" | median)
  ref_start=$(printf '%s\n' "${ref_starts[@]}" | median)
  report "the image's start command, median of 5 (ms)" "$image_start" "$ref_start" "$(ratio "$image_start" "$ref_start")" "< 1500 ms"
  rm -rf "$image_dir"
else
  echo "(no Java 25 at IMAGE_JAVA: the image's start command is not measured)" | tee -a "$OUT"
fi

# --- create, side by side: both apps up at once, each warmed under its own load (the
# simulator needs 60-90 s to finish compiling, a bare endpoint about 30 s), then rounds that
# interleave the reference's create, the simulator's create and its keyed create; medians
java $JAVA_OPTS -jar "$REF_JAR" --server.port=$REF_PORT >/tmp/bench-ref.log 2>&1 &
REF_PID=$!; PIDS+=("$REF_PID"); wait_for $REF_PORT
start_sim
load $REF_PORT create.lua 2 32 "$REF_WARMUP" >/dev/null
load $SIM_PORT create.lua 2 32 "$SIM_WARMUP" >/dev/null
load $SIM_PORT create_keyed.lua 2 32 "$REF_WARMUP" >/dev/null
ref_rps=(); ref_p99=(); ref_cpu=(); sim_rps=(); sim_p99=(); sim_cpu=(); keyed_rps=()
for round in $(seq "$ROUNDS"); do
  read -r rps p99 cpu <<<"$(measure $REF_PORT "$REF_PID" create.lua)"; ref_rps+=("$rps"); ref_p99+=("$p99"); ref_cpu+=("$cpu")
  read -r rps p99 cpu <<<"$(measure $SIM_PORT "$SIM_PID" create.lua)"; sim_rps+=("$rps"); sim_p99+=("$p99"); sim_cpu+=("$cpu")
  read -r rps _ _ <<<"$(measure $SIM_PORT "$SIM_PID" create_keyed.lua)"; keyed_rps+=("$rps")
  echo "round $round: reference ${ref_rps[-1]}/s ${ref_cpu[-1]} us, simulator ${sim_rps[-1]}/s ${sim_cpu[-1]} us, keyed ${keyed_rps[-1]}/s" >&2
done
med() { printf '%s\n' "$@" | median; }
ref_create=$(med "${ref_rps[@]}"); sim_create=$(med "${sim_rps[@]}"); sim_keyed=$(med "${keyed_rps[@]}")
report "create, requests/s (wrk -t2 -c32), median of $ROUNDS" "$sim_create" "$ref_create" "$(ratio "$sim_create" "$ref_create")" ">= 0.60"
report "create, server CPU us per request" "$(med "${sim_cpu[@]}")" "$(med "${ref_cpu[@]}")" "$(ratio "$(med "${sim_cpu[@]}")" "$(med "${ref_cpu[@]}")")" "<= 1.70"
report "create, p99 (ms)" "$(med "${sim_p99[@]}")" "$(med "${ref_p99[@]}")" "$(ratio "$(med "${sim_p99[@]}")" "$(med "${ref_p99[@]}")")" "<= 2.00"
report "create with Idempotency-Key vs without, requests/s" "$sim_keyed" "$sim_create" "$(ratio "$sim_keyed" "$sim_create")" ">= 0.85"
read -r ref_serial _ <<<"$(load $REF_PORT create.lua 4 4 "$DURATION")"

add_endpoint $REF_PORT
read -r sim_life sim_life_p99 <<<"$(lifecycle)"
report "lifecycle with webhooks, requests/s (wrk -t4 -c4)" "$sim_life" "$ref_serial" "$(ratio "$sim_life" "$ref_serial")" ">= 0.35"
stop_sim

# --- the same lifecycle on the PostgreSQL store, next to the in-memory one, without and with
# webhooks; each PostgreSQL run works in a fresh schema, dropped afterwards. Skipped when no
# database answers at PG_HOST:PG_PORT.
if command -v pg_isready >/dev/null && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  start_sim
  read -r mem_bare _ <<<"$(lifecycle)"
  stop_sim
  schema="bench_$(date +%s)"
  start_sim --simulator.store=postgres \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE?currentSchema=$schema" \
    --spring.datasource.username="$PG_USER" --spring.datasource.password="$PG_PASSWORD" \
    --spring.flyway.schemas="$schema"
  read -r pg_bare _ <<<"$(lifecycle)"
  add_endpoint $REF_PORT
  read -r pg_life _ <<<"$(lifecycle)"
  stop_sim
  PGPASSWORD="$PG_PASSWORD" psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" \
    -c "drop schema $schema cascade" 2>/dev/null
  report "lifecycle, no webhooks, requests/s: PostgreSQL vs memory" "$pg_bare" "$mem_bare" "$(ratio "$pg_bare" "$mem_bare")" ">= 0.50"
  report "lifecycle with webhooks, requests/s: PostgreSQL vs memory" "$pg_life" "$sim_life" "$(ratio "$pg_life" "$sim_life")" ">= 0.50"
else
  echo "no PostgreSQL at $PG_HOST:$PG_PORT: the PostgreSQL lifecycle figures are skipped" | tee -a "$OUT"
fi

# --- p99 while every webhook receiver hangs, against a fast receiver, on fresh instances
java bench/HangingReceiver.java $HANG_PORT >/dev/null 2>&1 &
PIDS+=("$!")
start_sim
add_endpoint $HANG_PORT
read -r _ hang_p99 <<<"$(lifecycle)"
report "lifecycle p99 (ms): receiver hangs vs fast receiver" "$hang_p99" "$sim_life_p99" "$(ratio "$hang_p99" "$sim_life_p99")" "<= 1.50"
stop_sim

# --- heap per stored payment, after a full GC, with 200,000 payments (retention raised above them)
start_sim --simulator.retention.max-payments=2000000
curl -s "localhost:$SIM_PORT/v1/payments" -H "Content-Type: application/json" -d '{"amount":1,"currency":"usd"}' >/dev/null
jcmd "$SIM_PID" GC.run >/dev/null; sleep 1
before=$(jcmd "$SIM_PID" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}' | tr -d 'K')
created() {
  curl -s "localhost:$SIM_PORT/actuator/prometheus" \
    | awk '/^simulator_payment_transitions_total\{.*from="none"/ {sum += $2} END {printf "%d", sum}'
}
wrk -t2 -c16 -d600s -s bench/lua/create.lua "http://localhost:$SIM_PORT" >/dev/null &
WRK_PID=$!
until [ "$(created)" -ge 200000 ]; do sleep 1; done
kill "$WRK_PID" 2>/dev/null || true; wait "$WRK_PID" 2>/dev/null || true
count=$(created)
jcmd "$SIM_PID" GC.run >/dev/null; sleep 1
after=$(jcmd "$SIM_PID" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}' | tr -d 'K')
per=$(awk -v a="$after" -v b="$before" -v n="$count" 'BEGIN {printf "%d", (a - b) * 1024 / n}')
million=$(awk -v p="$per" 'BEGIN {printf "%.2f", p * 1000000 / 1073741824}')
report "heap per stored payment (bytes, $count payments, after GC)" "$per" "-" "-" "1M in 1 GiB: ${million} GiB"
stop_sim

echo | tee -a "$OUT"
echo "written to $OUT"
