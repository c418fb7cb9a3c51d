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
# run from copies: a build during the run (./mvnw verify repackages the jar) would otherwise
# pull classes from under the running processes
JARS=$(mktemp -d)
cp "$(ls target/payment-simulator-*.jar | head -1)" "$JARS/simulator.jar"
cp bench/reference/target/bench-reference-1.jar "$JARS/reference.jar"
SIM_JAR=$JARS/simulator.jar
REF_JAR=$JARS/reference.jar

PIDS=()
# stops every process started, and makes sure: one still running 30 s after SIGTERM is killed,
# and said so, as it would otherwise load the machine for the next run
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "process $pid did not stop within 30 s of SIGTERM; killed" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$JARS"
}
trap cleanup EXIT

# waits until the app on the port answers 200 on the path (/health unless given)
wait_for() { until curl -sf -o /dev/null "localhost:$1/${2:-health}"; do sleep 0.05; done; }
