#!/usr/bin/env bash
# Where the time goes, for when a figure of run.sh misses its target. Writes diagnosis.md:
#   1. the CPU of each thread and the JVM's class-loading and JIT counters at the first 200 of a start,
#      with the default JVM options and with the JIT limited to C1 (-XX:TieredStopAtLevel=1);
#   2. a JFR profile of a start, up to its first 200;
#   3. JFR profiles of the catalog and a lesson page under wrk load.
# None of it is a figure: JFR and jcmd disturb what they watch. About 4 minutes.
#
#   benchmarks/diagnose.sh [RESULTS-DIR]    (default: a new folder under benchmarks/target/results/)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS=${1:-benchmarks/target/results/$(date -u +%Y%m%dT%H%M%SZ)-diagnosis}
WORK=benchmarks/target/bench/diagnosis
mkdir -p "$RESULTS" "$WORK"
RESULTS=$(cd "$RESULTS" && pwd) WORK=$(cd "$WORK" && pwd)
JAR=$ROOT/benchmarks/target/bench/roadshow.jar
[ -f "$JAR" ] || JAR=$ROOT/launcher/target/roadshow.jar
BENCH_JAVA=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$ROOT/benchmarks/tools/Bench.java")
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

PORT=${PORT_BASE:-18580}
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE=http://localhost:$PORT
OUT=$RESULTS/diagnosis.md

RS_PID=
stop_roadshow() {
  if [ -n "$RS_PID" ] && kill -0 "$RS_PID" 2>/dev/null; then
    kill "$RS_PID" && timeout 60 tail --pid="$RS_PID" -f /dev/null || kill -9 "$RS_PID" 2>/dev/null || true
  fi
  RS_PID=
}
trap stop_roadshow EXIT
start_roadshow() { # start_roadshow HOME JAVA-OPTIONS...: starts it in the background, sets RS_PID
  local home=$1; shift
  rm -rf "$home"
  java "$@" -jar "$JAR" --port "$PORT" --home "$home" > "$home.log" 2>&1 &
  RS_PID=$!
}
await_200() {
  local deadline=$((SECONDS + 120))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { echo "no 200 from $1" >&2; return 1; }
    sleep 0.01
  done
}

{
  echo "# Diagnosis, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "$(nproc) CPUs, $(java -version 2>&1 | sed -n 2p). Not figures: the probes disturb what they measure."
  echo
  echo "## 1. A start, thread by thread"
  echo
} > "$OUT"

echo "== anatomy of a start, default JVM options"
timeout 300 "${BENCH_JAVA[@]}" anatomy --jar "$JAR" --work "$WORK" --port "$PORT" --out "$WORK/anatomy-default.md"
echo "== anatomy of a start, -XX:TieredStopAtLevel=1"
timeout 300 "${BENCH_JAVA[@]}" anatomy --jar "$JAR" --work "$WORK" --port "$PORT" --java-opts "-XX:TieredStopAtLevel=1" \
    --out "$WORK/anatomy-c1.md"
{
  echo "### Default JVM options"; echo; cat "$WORK/anatomy-default.md"; echo
  echo "### JIT limited to C1"; echo; cat "$WORK/anatomy-c1.md"; echo
} >> "$OUT"

echo "== JFR profile of a start"
start_roadshow "$WORK/home-jfr-start" -XX:StartFlightRecording=filename="$WORK/start.jfr",settings=profile,dumponexit=true
await_200 "$BASE/"
stop_roadshow
{ echo "## 2. A start, profiled up to its first 200"; echo; } >> "$OUT"
"${BENCH_JAVA[@]}" profile --jfr "$WORK/start.jfr" --title "Start to first 200 (JFR adds its own start-up cost)" >> "$OUT"
echo >> "$OUT"

echo "== JFR profiles under wrk"
# Recorded from the JVM's start: JFR.start in a running JVM deoptimises its compiled code and the
# rate falls tenfold for a while, so that a profile taken so would show another program.
start_roadshow "$WORK/home-jfr-pages" -XX:StartFlightRecording=filename="$WORK/pages.jfr",settings=profile,dumponexit=true
await_200 "$BASE/"
await_200 "$BASE/api/v1/courses/acme/cloud-basics"
LESSON=$(curl -s "$BASE/api/v1/courses/acme/cloud-basics" | grep -o '"lessons":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//')
declare -A WINDOW RATE
for page in catalog lesson; do
  url=$BASE/; [ $page = lesson ] && url=$BASE/courses/acme/cloud-basics/lessons/$LESSON
  # the JIT takes tens of seconds on two cores; a profile before that shows the interpreter
  wrk -t2 -c32 -d60s "$url" > /dev/null
  from=$(date +%s%3N)
  RATE[$page]=$(wrk -t2 -c32 -d15s "$url" | awk '/^Requests\/sec:/ {print $2}')
  WINDOW[$page]="--from $from --to $(date +%s%3N)"
done
stop_roadshow
{ echo "## 3. Pages under load (wrk -t2 -c32, 15 s recorded after a 60 s warm-up)"; echo; } >> "$OUT"
for page in catalog lesson; do
  # shellcheck disable=SC2086
  "${BENCH_JAVA[@]}" profile --jfr "$WORK/pages.jfr" ${WINDOW[$page]} \
      --title "The $page page, ${RATE[$page]} req/s while recorded" >> "$OUT"
  echo >> "$OUT"
done
echo "diagnosis: ${OUT#$ROOT/}"
