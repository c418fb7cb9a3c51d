# What both benchmark scripts start with: wrk installed, both apps built, and every process
# started through PIDS stopped on exit. Sourced, not run.

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

for port in "$@"; do
  if curl -s -o /dev/null "localhost:$port"; then
    echo "port $port is already in use: stop what runs there first" >&2
    exit 1
  fi
done

echo "building the simulator and the reference..."
./mvnw -q -B package -DskipTests
./mvnw -q -B -f bench/reference/pom.xml package -DskipTests
SIM_JAR=$(ls target/payment-simulator-*.jar | head -1)
REF_JAR=bench/reference/target/bench-reference-1.jar

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# waits until the app on the port answers 200 on the path (/health unless given)
wait_for() { until curl -sf -o /dev/null "localhost:$1/${2:-health}"; do sleep 0.05; done; }
