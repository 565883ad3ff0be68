#!/usr/bin/env bash
# Runs Roadshow's benchmarks (start-up, hot deploy, throughput) against launcher/target/roadshow.jar,
# prints a summary and rewrites the figures section of BENCHMARKS.md. See benchmarks/README.md.
#
#   benchmarks/run.sh [--quick] [--build] [--no-update] [--diagnose] [--only startup|hotdeploy|throughput]
#
#   --quick      fewer runs and shorter loads, to try the script out (its figures are not for BENCHMARKS.md)
#   --build      build Roadshow first even if launcher/target/roadshow.jar exists
#   --no-update  print the figures section instead of rewriting it in BENCHMARKS.md
#   --diagnose   run diagnose.sh too (where the time goes; about 4 more minutes), into the report
#   --only       run one of the three benchmarks (BENCHMARKS.md is then left alone)
#
# Settings, from the environment (defaults in brackets):
#   RUNS [7]             start-ups per case; each run is a new home, then a second start on it
#   BUNDLES [50]         generated content bundles in the second start-up case
#   HOT_COUNT [20]       hot deploys of new bundles measured (and as many new versions of one bundle)
#   HOT_WARMUP [3]       hot deploys done first and not counted
#   WRK_DURATION [15]    seconds per measured wrk run; WRK_WARMUP [10] per warm-up run, repeated per URL
#                        at least WRK_WARMUP_MIN [3] times and until two runs agree within 10%,
#                        at most WRK_WARMUP_MAX [8] times
#   WRK_ROUNDS [5]       rounds of (Roadshow, bare) per page, order alternating
#   WRK_THREADS [2], WRK_CONNECTIONS [32]
#   QUIET_WAIT [20]      seconds to wait, before each start, for other processes to quieten down
#   ROADSHOW_JAVA_OPTS   extra JVM options for Roadshow (none by default: the figures are for the defaults)
#   PORT_BASE [18480]    first port tried; the first free ones from there are used
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=benchmarks
JAR=launcher/target/roadshow.jar
BARE_POM=$BENCH/roadshow.bench.bare/pom.xml

QUICK=false BUILD=false UPDATE=true DIAGNOSE=false ONLY=all
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --build) BUILD=true ;;
    --no-update) UPDATE=false ;;
    --diagnose) DIAGNOSE=true ;;
    --only) ONLY=$2; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if $QUICK; then
  : "${RUNS:=3}" "${BUNDLES:=50}" "${HOT_COUNT:=5}" "${HOT_WARMUP:=1}" "${WRK_DURATION:=5}" "${WRK_WARMUP:=5}" "${WRK_WARMUP_MIN:=1}" "${WRK_WARMUP_MAX:=3}" "${WRK_ROUNDS:=1}" "${QUIET_WAIT:=5}"
fi
RUNS=${RUNS:-7} BUNDLES=${BUNDLES:-50} HOT_COUNT=${HOT_COUNT:-20} HOT_WARMUP=${HOT_WARMUP:-3}
WRK_DURATION=${WRK_DURATION:-15} WRK_WARMUP=${WRK_WARMUP:-10} WRK_WARMUP_MIN=${WRK_WARMUP_MIN:-3} WRK_WARMUP_MAX=${WRK_WARMUP_MAX:-8} WRK_ROUNDS=${WRK_ROUNDS:-5}
WRK_THREADS=${WRK_THREADS:-2} WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
QUIET_WAIT=${QUIET_WAIT:-20} ROADSHOW_JAVA_OPTS=${ROADSHOW_JAVA_OPTS:-} PORT_BASE=${PORT_BASE:-18480}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$BENCH/target/results/$STAMP
WORK=$BENCH/target/bench
mkdir -p "$RESULTS" "$WORK"
RESULTS=$(cd "$RESULTS" && pwd) WORK=$(cd "$WORK" && pwd)
BENCH_JAVA=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$ROOT/$BENCH/tools/Bench.java")
GENERATE=(java "$ROOT/$BENCH/tools/GenerateContent.java")

log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- tools and builds
need() { # need COMMAND PACKAGE: install Debian's package when the command is missing
  command -v "$1" >/dev/null 2>&1 && return
  log "installing $2 from Debian's packages"
  apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}
need curl curl
need wrk wrk

if $BUILD || [ ! -f "$JAR" ]; then
  log "building Roadshow (mvn -B -q package -DskipTests)"
  timeout 900 mvn -B -q package -DskipTests
fi
# Others may rebuild launcher/target while this runs: measure a copy, taken once it is whole.
need unzip unzip
log "taking a copy of $JAR to measure"
for attempt in $(seq 1 60); do
  if unzip -tq "$JAR" >/dev/null 2>&1 && unzip -p "$JAR" META-INF/MANIFEST.MF | grep -q '^Main-Class:'; then
    cp "$JAR" "$WORK/roadshow.jar.part"
    if unzip -tq "$WORK/roadshow.jar.part" >/dev/null 2>&1; then
      mv "$WORK/roadshow.jar.part" "$WORK/roadshow.jar"
      break
    fi
  fi
  [ "$attempt" -lt 60 ] || { echo "$JAR is not a whole launcher jar; build it first" >&2; exit 1; }
  sleep 5
done
JAR_BUILT=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M') JAR_BUILT_EPOCH=$(date -r "$JAR" +%s)
JAR=$WORK/roadshow.jar

log "building the bare-servlet bundle ($BARE_POM)"
timeout 600 mvn -B -q -f "$BARE_POM" package -DskipTests
BARE_JAR=$(ls "$BENCH"/roadshow.bench.bare/target/roadshow.bench.bare-*.jar | head -1)

free_port() { # the first port from $1 on which nothing listens
  local p=$1
  while (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
PORT_START=$(free_port "$PORT_BASE")
PORT_HOT=$(free_port $((PORT_START + 1)))
PORT_THR=$(free_port $((PORT_HOT + 1)))

# ---------------------------------------------------------------- the machine
{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) CPUs online"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "kernel: $(uname -sr)"
  echo "Java: $(java -version 2>&1 | sed -n 2p), VM: $(java -version 2>&1 | sed -n 3p)"
  echo "Roadshow JVM options: ${ROADSHOW_JAVA_OPTS:-none (the JVM defaults)}; ergonomics chose $(java $ROADSHOW_JAVA_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null \
      | awk '$2 ~ /^(UseG1GC|UseSerialGC|UseParallelGC)$/ && $4 == "true" {gc=$2} $2 == "MaxHeapSize" {heap=$4} $2 == "CICompilerCount" {ci=$4}
             END {printf "%s, MaxHeapSize %.1f GiB, %s JIT compiler threads", gc, heap/1073741824, ci}')"
  echo "build: roadshow.jar built $JAR_BUILT UTC (sha256 $(sha256sum "$JAR" | cut -c1-12)); the last commit before that: $(git log -1 --format='%h %s' --until="@$JAR_BUILT_EPOCH" 2>/dev/null || echo unknown); the working tree may have held uncommitted changes"
  echo "wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "load average when the run began: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "settings: RUNS=$RUNS BUNDLES=$BUNDLES HOT_COUNT=$HOT_COUNT HOT_WARMUP=$HOT_WARMUP WRK=-t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_DURATION}s (warm-up: ${WRK_WARMUP}s runs, at least $WRK_WARMUP_MIN, until steady, at most $WRK_WARMUP_MAX) x $WRK_ROUNDS rounds, QUIET_WAIT=${QUIET_WAIT}s"
} > "$RESULTS/machine.txt"
cat "$RESULTS/machine.txt"

# ---------------------------------------------------------------- generated content
GEN=$WORK/generated-$BUNDLES
HOT=$WORK/hotdeploy-bundles
if [ "$ONLY" = all ] || [ "$ONLY" = startup ]; then
  log "generating $BUNDLES content bundles"
  rm -rf "$GEN" && timeout 300 "${GENERATE[@]}" --out "$GEN" --count "$BUNDLES" --prefix gen
fi
if [ "$ONLY" = all ] || [ "$ONLY" = hotdeploy ]; then
  log "generating $((HOT_WARMUP + HOT_COUNT + 1)) content bundles for hot deploy"
  rm -rf "$HOT" && timeout 300 "${GENERATE[@]}" --out "$HOT" --count $((HOT_WARMUP + HOT_COUNT + 1)) --prefix hot
fi

# ---------------------------------------------------------------- 1. start-up
if [ "$ONLY" = all ] || [ "$ONLY" = startup ]; then
  log "start-up with the example content: $RUNS x (new home, then a second start on it)"
  timeout 3600 "${BENCH_JAVA[@]}" startup --jar "$JAR" --work "$WORK/startup" --runs "$RUNS" --port "$PORT_START" \
      --label examples --quiet-wait "$QUIET_WAIT" --java-opts "$ROADSHOW_JAVA_OPTS"
  log "start-up with the example content and $BUNDLES generated bundles"
  timeout 3600 "${BENCH_JAVA[@]}" startup --jar "$JAR" --work "$WORK/startup" --runs "$RUNS" --port "$PORT_START" \
      --label "generated$BUNDLES" --deploy-from "$GEN" --quiet-wait "$QUIET_WAIT" --java-opts "$ROADSHOW_JAVA_OPTS"
  cp "$WORK"/startup/startup-*.tsv "$RESULTS/"
  mkdir -p "$RESULTS/logs" && cp "$WORK"/startup/log-*.txt "$RESULTS/logs/"
fi

# ---------------------------------------------------------------- 2. hot deploy
if [ "$ONLY" = all ] || [ "$ONLY" = hotdeploy ]; then
  log "hot deploy: $HOT_WARMUP + $HOT_COUNT new bundles, then $HOT_WARMUP + $HOT_COUNT new versions of one"
  timeout 1800 "${BENCH_JAVA[@]}" hotdeploy --jar "$JAR" --work "$WORK/hotdeploy" --bundles "$HOT" --port "$PORT_HOT" \
      --warmup "$HOT_WARMUP" --count "$HOT_COUNT" --upgrades "$HOT_COUNT" --quiet-wait "$((QUIET_WAIT < 10 ? QUIET_WAIT : 10))" \
      --java-opts "$ROADSHOW_JAVA_OPTS"
  cp "$WORK"/hotdeploy/hotdeploy.tsv "$RESULTS/"
  mkdir -p "$RESULTS/logs" && cp "$WORK"/hotdeploy/log-hotdeploy.txt "$RESULTS/logs/"
fi

# ---------------------------------------------------------------- 3. throughput
RS_PID=
stop_roadshow() {
  if [ -n "$RS_PID" ] && kill -0 "$RS_PID" 2>/dev/null; then
    kill "$RS_PID" && timeout 60 tail --pid="$RS_PID" -f /dev/null || kill -9 "$RS_PID" 2>/dev/null || true
  fi
  RS_PID=
}
trap stop_roadshow EXIT

await_200() { # await_200 URL SECONDS
  local deadline=$((SECONDS + $2))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { echo "no 200 from $1 within $2 s" >&2; return 1; }
    sleep 0.05
  done
}
cpu_ticks() { # CPU ticks of a process (utime + stime)
  awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$1/stat"
}
machine_ticks() { # CPU ticks the machine's processes and kernel used (user nice system irq softirq)
  awk 'NR == 1 {print $2 + $3 + $4 + $7 + $8}' /proc/stat
}
steal_ticks() { # CPU ticks the hypervisor gave to other guests
  awk 'NR == 1 {print $9}' /proc/stat
}

if [ "$ONLY" = all ] || [ "$ONLY" = throughput ]; then
  log "throughput: Roadshow's pages beside a bare servlet returning the same bytes"
  THOME=$WORK/home-throughput
  rm -rf "$THOME"
  BASE=http://localhost:$PORT_THR
  # shellcheck disable=SC2086
  java $ROADSHOW_JAVA_OPTS -jar "$JAR" --port "$PORT_THR" --home "$THOME" > "$RESULTS/logs-throughput.txt" 2>&1 &
  RS_PID=$!
  await_200 "$BASE/" 120
  await_200 "$BASE/api/v1/courses/acme/cloud-basics" 60
  LESSON=$(curl -s "$BASE/api/v1/courses/acme/cloud-basics" | grep -o '"lessons":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"$//')
  declare -A PAGE_URL=([catalog]="$BASE/" [lesson]="$BASE/courses/acme/cloud-basics/lessons/$LESSON")
  mkdir -p "$THOME/bench"
  for page in catalog lesson; do
    curl -s -o "$THOME/bench/$page" -w '%{content_type}' "${PAGE_URL[$page]}" > "$THOME/bench/$page.content-type"
    if ! curl -s "${PAGE_URL[$page]}" | cmp -s - "$THOME/bench/$page"; then
      echo "note: two fetches of ${PAGE_URL[$page]} differ; the bare servlet serves the first" | tee -a "$RESULTS/notes.txt"
    fi
  done
  cp "$BARE_JAR" "$THOME/deploy/.roadshow.bench.bare.part"
  mv "$THOME/deploy/.roadshow.bench.bare.part" "$THOME/deploy/roadshow.bench.bare.jar"
  await_200 "$BASE/bench/bare/catalog" 60
  for page in catalog lesson; do
    curl -s "$BASE/bench/bare/$page" | cmp - "$THOME/bench/$page"
    for server in roadshow bare; do
      url=${PAGE_URL[$page]}; [ $server = bare ] && url=$BASE/bench/bare/$page
      curl -s -D - -o /dev/null "$url" > "$RESULTS/headers-$page-$server.txt"
    done
  done
  echo "lesson page: ${PAGE_URL[lesson]#$BASE} ($(wc -c < "$THOME/bench/lesson") bytes), catalog: / ($(wc -c < "$THOME/bench/catalog") bytes)"

  WRK=(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" --latency)
  # The JIT needs tens of seconds on two cores before a page's rate settles: warm each URL up
  # for at least WRK_WARMUP_MIN runs and until two runs in a row agree within 10%, for at most
  # WRK_WARMUP_MAX runs.
  for page in catalog lesson; do
    for server in roadshow bare; do
      url=${PAGE_URL[$page]}; [ $server = bare ] && url=$BASE/bench/bare/$page
      previous=0
      for i in $(seq 1 "$WRK_WARMUP_MAX"); do
        rps=$("${WRK[@]}" -d"${WRK_WARMUP}s" "$url" | tee -a "$RESULTS/wrk-warmup-$page-$server.txt" | awk '/^Requests\/sec:/ {print $2}')
        echo "warm-up: $page/$server run $i: $rps req/s"
        if [ "$i" -ge "$WRK_WARMUP_MIN" ] && awk -v a="$previous" -v b="$rps" 'BEGIN {exit !(a > 0 && b / a < 1.1 && b / a > 0.9)}'; then
          break
        fi
        previous=$rps
      done
    done
  done
  TSV=$RESULTS/throughput.tsv
  printf 'round\tpage\tserver\trequests_per_s\tp50\tp99\tnon_2xx\tbody_bytes\troadshow_cpu_s\tothers_cpu_s\tsteal_s\n' > "$TSV"
  for round in $(seq 1 "$WRK_ROUNDS"); do
    order="roadshow bare"; [ $((round % 2)) = 0 ] && order="bare roadshow"
    for page in catalog lesson; do
      for server in $order; do
        url=${PAGE_URL[$page]}; [ $server = bare ] && url=$BASE/bench/bare/$page
        out=$RESULTS/wrk-$round-$page-$server.txt
        m0=$(machine_ticks) s0=$(steal_ticks) r0=$(cpu_ticks "$RS_PID")
        TIMEFORMAT='%U %S'
        { time "${WRK[@]}" -d"${WRK_DURATION}s" "$url" > "$out"; } 2> "$out.time"
        m1=$(machine_ticks) s1=$(steal_ticks) r1=$(cpu_ticks "$RS_PID")
        wrk_ticks=$(awk '{printf "%d", ($1 + $2) * 100}' "$out.time")
        rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
        p50=$(awk '$1 == "50%" {print $2}' "$out")
        p99=$(awk '$1 == "99%" {print $2}' "$out")
        non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
        others=$(( m1 - m0 - (r1 - r0) - wrk_ticks )); [ "$others" -ge 0 ] || others=0
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%.1f\t%.1f\n' "$round" "$page" "$server" "$rps" "$p50" "$p99" "${non2xx:-0}" \
            "$(wc -c < "$THOME/bench/$page")" "$(( r1 - r0 ))e-2" "${others}e-2" "$(( s1 - s0 ))e-2" >> "$TSV"
        printf '  round %s %-8s %-9s %10s req/s  p50 %-8s p99 %-8s\n' "$round" "$page" "$server" "$rps" "$p50" "$p99"
      done
    done
  done
  stop_roadshow
fi

if $DIAGNOSE; then
  log "diagnosis"
  timeout 1200 "$BENCH/diagnose.sh" "$RESULTS"
fi

# ---------------------------------------------------------------- report
log "summary"
echo "load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
if $UPDATE && [ "$ONLY" = all ]; then
  "${BENCH_JAVA[@]}" report --results "$RESULTS" --update "$ROOT/BENCHMARKS.md"
else
  "${BENCH_JAVA[@]}" report --results "$RESULTS"
  echo "BENCHMARKS.md left as it is; the figures section is in $RESULTS/figures.md"
fi
echo "raw results: ${RESULTS#$ROOT/}"
