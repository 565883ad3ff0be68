#!/usr/bin/env bash
# Quiz figures for BENCHMARKS.md (issue 4): N learners starting the same timed quiz at once
# (N = 500, 1,000, 3,000), and quiz submissions (grade + durable commit) per second, through
# HTTP and, with JMH, in-process against H2. Rewrites the figures block of the Quizzes section
# of BENCHMARKS.md. See benchmarks/README.md.
#
#   benchmarks/quiz.sh [--quick] [--no-update] [--no-jmh] [--diagnose]
#
#   --quick      small sizes and short runs, to try the script out (BENCHMARKS.md is left alone)
#   --no-update  write the figures to the results folder only
#   --no-jmh     skip the in-process JMH benchmarks (benchmarks/quiz/jmh)
#   --diagnose   afterwards, on the same server: JFR recordings and thread dumps of one more burst
#                of starts and one more round of submissions, and a count of fsync calls while
#                submitting (strace); not figures (the probes disturb what they measure)
#
# It builds nothing of Roadshow: run `mvn -q install -DskipTests` first (launcher/target/roadshow.jar,
# and roadshow-parent in ~/.m2, whose library versions the JMH project takes). It measures a copy
# of the jar taken when it begins; the JMH benchmarks are compiled against the quiz, content and
# store bundles inside that same copy.
#
# Settings, from the environment (defaults in brackets):
#   SIZES [500,1000,3000]   learners released at once per run; RUNS [3] rounds of every size, after
#                           WARMUP_ROUNDS [2] rounds that are not counted (the server's JIT settles)
#   SUB_CONNECTIONS [32]    connections of the closed-loop submission client
#   SUB_SECONDS [8]         seconds each submission round lasts; SUB_ROUNDS [3] rounds, after one
#                           warm-up round (not counted)
#   SUB_ATTEMPTS [16000]    attempts prepared (started, every question answered) per round;
#                           more than the round can submit, so that the round is bounded by time
#   JMH_THREADS [10]        threads of the JMH benchmarks: as many as the server's connection pool lets
#                           into the store at once; JMH_BATCH [500] submissions per thread per iteration
#   QUIET_WAIT [20]         seconds to wait, before each timed run, for the machine to quieten down
#   ROADSHOW_JAVA_OPTS      extra JVM options for Roadshow (none by default)
#   ROADSHOW_JAR            the jar to measure [launcher/target/roadshow.jar]; a copy is taken
#   JAR_NOTE                where that jar came from, for the report (default: the last commit before it was built)
#   PORT_BASE [18680]       first port tried
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=false UPDATE=true JMH=true DIAGNOSE=false
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true UPDATE=false ;;
    --no-update) UPDATE=false ;;
    --no-jmh) JMH=false ;;
    --diagnose) DIAGNOSE=true ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
if $QUICK; then
  : "${SIZES:=50,200}" "${RUNS:=1}" "${WARMUP_ROUNDS:=1}" "${SUB_SECONDS:=3}" "${SUB_ROUNDS:=1}" "${SUB_ATTEMPTS:=1000}" "${JMH_BATCH:=100}" "${QUIET_WAIT:=3}"
fi
SIZES=${SIZES:-500,1000,3000} RUNS=${RUNS:-3} WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
SUB_CONNECTIONS=${SUB_CONNECTIONS:-32} SUB_SECONDS=${SUB_SECONDS:-8} SUB_ROUNDS=${SUB_ROUNDS:-3} SUB_ATTEMPTS=${SUB_ATTEMPTS:-16000}
JMH_BATCH=${JMH_BATCH:-500} JMH_THREADS=${JMH_THREADS:-10}
QUIET_WAIT=${QUIET_WAIT:-20} ROADSHOW_JAVA_OPTS=${ROADSHOW_JAVA_OPTS:-} PORT_BASE=${PORT_BASE:-18680}
LEARNERS=$(tr ',' '\n' <<< "$SIZES" | sort -n | tail -1)

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=benchmarks/target/results/quiz-$STAMP
WORK=benchmarks/target/quiz
mkdir -p "$RESULTS" "$WORK"
RESULTS=$(cd "$RESULTS" && pwd) WORK=$(cd "$WORK" && pwd)
QUIZ_JAVA=(java -XX:+UseSerialGC "$ROOT/benchmarks/quiz/QuizBench.java")
log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- the jar, the content bundle
JAR=${ROADSHOW_JAR:-launcher/target/roadshow.jar}
[ -f "$JAR" ] || { echo "$JAR is missing: run 'mvn -q install -DskipTests' first" >&2; exit 1; }
for attempt in $(seq 1 60); do # another build may be writing it: take a whole copy
  if unzip -tq "$JAR" >/dev/null 2>&1 && unzip -p "$JAR" META-INF/MANIFEST.MF | grep -q '^Main-Class:'; then
    cp "$JAR" "$WORK/roadshow.jar.part"
    if unzip -tq "$WORK/roadshow.jar.part" >/dev/null 2>&1; then mv "$WORK/roadshow.jar.part" "$WORK/roadshow.jar"; break; fi
  fi
  [ "$attempt" -lt 60 ] || { echo "$JAR is not a whole launcher jar; build it first" >&2; exit 1; }
  sleep 5
done
JAR_BUILT=$(date -u -r "$JAR" '+%Y-%m-%d %H:%M') JAR_BUILT_EPOCH=$(date -r "$JAR" +%s)
JAR=$WORK/roadshow.jar

log "building the quiz content bundle from benchmarks/quiz/content"
CONTENT=$WORK/com.bench.quiz.jar
rm -f "$CONTENT"
jar --create --file "$CONTENT" --manifest benchmarks/quiz/content/MANIFEST.MF -C benchmarks/quiz/content roadshow

PORT=$PORT_BASE
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
URL=http://127.0.0.1:$PORT
HOME_DIR=$WORK/home
rm -rf "$HOME_DIR" && mkdir -p "$HOME_DIR/conf" "$HOME_DIR/deploy"
cp "$CONTENT" "$HOME_DIR/deploy/"
# Benchmark-only settings of roadshow.identity (README, "Configuration files"): Argon2id at its
# cheapest, so that registering and logging in 3,000 learners takes seconds rather than minutes
# (no timed request hashes a password), and a log-in throttle that 3,000 log-ins from one address
# do not trip (every log-in is counted against the address before its password is checked).
cat > "$HOME_DIR/conf/roadshow.identity.cfg" <<'CFG'
password.memory.kib=64
password.iterations=1
throttle.address.failures=1000000
throttle.account.failures=1000000
CFG
ADMIN_EMAIL=bench-admin@roadshow.test ADMIN_PASSWORD=bench-admin-password-123

# ---------------------------------------------------------------- the machine
{
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "nproc: $(nproc)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "kernel: $(uname -sr)"
  echo "java: $(java -version 2>&1 | sed -n 2p); $(java -version 2>&1 | sed -n 3p)"
  echo "roadshow JVM options: ${ROADSHOW_JAVA_OPTS:-none (the JVM defaults)}"
  if [ -n "${JAR_NOTE:-}" ]; then
    echo "build: roadshow.jar built $JAR_BUILT UTC (sha256 $(sha256sum "$JAR" | cut -c1-12)): $JAR_NOTE"
  else
    echo "build: roadshow.jar built $JAR_BUILT UTC (sha256 $(sha256sum "$JAR" | cut -c1-12)); the last commit before that: $(git log -1 --format='%h %s' --until="@$JAR_BUILT_EPOCH" 2>/dev/null || echo unknown); the working tree may have held uncommitted changes"
  fi
  echo "settings: SIZES=$SIZES RUNS=$RUNS WARMUP_ROUNDS=$WARMUP_ROUNDS SUB_CONNECTIONS=$SUB_CONNECTIONS SUB_SECONDS=$SUB_SECONDS SUB_ROUNDS=$SUB_ROUNDS SUB_ATTEMPTS=$SUB_ATTEMPTS JMH_BATCH=$JMH_BATCH JMH_THREADS=$JMH_THREADS QUIET_WAIT=$QUIET_WAIT"
  echo "uptime at start: $(uptime)"
} > "$RESULTS/machine.txt"
lscpu | head -20 > "$RESULTS/lscpu.txt"
java -version > "$RESULTS/java-version.txt" 2>&1
cp "$HOME_DIR/conf/roadshow.identity.cfg" "$RESULTS/"
cat "$RESULTS/machine.txt"

# ---------------------------------------------------------------- Roadshow
log "starting Roadshow on $URL (home $HOME_DIR, H2, no example content)"
# shellcheck disable=SC2086
ROADSHOW_ADMIN_EMAIL=$ADMIN_EMAIL ROADSHOW_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $ROADSHOW_JAVA_OPTS -jar "$JAR" --port "$PORT" --home "$HOME_DIR" --examples false > "$RESULTS/roadshow.log" 2>&1 &
RS_PID=$!
stop_roadshow() {
  if kill -0 "$RS_PID" 2>/dev/null; then
    kill "$RS_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$RS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$RS_PID" 2>/dev/null || true
  fi
}
trap stop_roadshow EXIT
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/courses/bench/timed-check")" = 200 ] && break
  kill -0 "$RS_PID" 2>/dev/null || { echo "Roadshow exited; see $RESULTS/roadshow.log" >&2; exit 1; }
  sleep 0.2
done
grep -q "Applied roadshow.identity.cfg" "$RESULTS/roadshow.log" || { echo "conf/roadshow.identity.cfg was not applied" >&2; exit 1; }

log "registering $LEARNERS learners and logging each in (not timed)"
timeout 1200 "${QUIZ_JAVA[@]}" learners --url "$URL" --admin-email "$ADMIN_EMAIL" --admin-password "$ADMIN_PASSWORD" \
  --count "$LEARNERS" --out "$WORK/learners.tsv" --threads 4 | tee "$RESULTS/learners.txt"

log "synchronized starts: sizes $SIZES, $RUNS rounds, after $WARMUP_ROUNDS warm-up rounds"
timeout 3600 "${QUIZ_JAVA[@]}" starts --url "$URL" --learners "$WORK/learners.tsv" --quiz bench/timed-check \
  --sizes "$SIZES" --runs "$RUNS" --warmup-rounds "$WARMUP_ROUNDS" --pid "$RS_PID" --quiet-wait "$QUIET_WAIT" --out "$RESULTS/starts.tsv"

log "submissions: a warm-up round, then $SUB_ROUNDS rounds of ${SUB_SECONDS}s from $SUB_CONNECTIONS connections"
for round in warm-up $(seq 1 "$SUB_ROUNDS"); do
  if [ "$round" = warm-up ]; then attempts=$((SUB_ATTEMPTS / 2)) seconds=$(( (SUB_SECONDS + 1) / 2 )); else attempts=$SUB_ATTEMPTS seconds=$SUB_SECONDS; fi
  timeout 3600 "${QUIZ_JAVA[@]}" submissions --url "$URL" --learners "$WORK/learners.tsv" --quiz bench/timed-check \
    --connections "$SUB_CONNECTIONS" --attempts "$attempts" --seconds "$seconds" --round "$round" --pid "$RS_PID" \
    --quiet-wait "$QUIET_WAIT" --out "$RESULTS/submissions.tsv" --per-second-out "$RESULTS/submissions-per-second.tsv" \
    | tee -a "$RESULTS/submissions.txt"
done
awk -F'\t' 'NR > 1 && $1 != "warm-up" && $11 == "yes" {bad = 1} END {exit bad}' "$RESULTS/submissions.tsv" \
  || echo "WARNING: a round ran out of prepared attempts before its time was up; raise SUB_ATTEMPTS" | tee -a "$RESULTS/submissions.txt"

if $DIAGNOSE; then
  log "diagnosis: JFR and thread dumps of one burst of $LEARNERS starts and one round of submissions"
  DIAG=$RESULTS/diagnose && mkdir -p "$DIAG"
  # JFR runs through each whole command; the summaries keep only the timed part (the window the client writes).
  jcmd "$RS_PID" JFR.start name=starts settings=profile filename="$DIAG/starts.jfr" > /dev/null
  "${QUIZ_JAVA[@]}" starts --url "$URL" --learners "$WORK/learners.tsv" --quiz bench/timed-check --sizes "$LEARNERS" --runs 1 \
    --warmup-rounds 0 --pid "$RS_PID" --quiet-wait "$QUIET_WAIT" --pause 0 --out "$DIAG/starts.tsv" --diag "$DIAG" > /dev/null
  jcmd "$RS_PID" JFR.stop name=starts > /dev/null
  "${QUIZ_JAVA[@]}" jfr --file "$DIAG/starts.jfr" --window "$DIAG/starts-$LEARNERS-window.txt" > "$DIAG/starts-profile.txt"
  "${QUIZ_JAVA[@]}" threads --files "$(ls "$DIAG"/starts-"$LEARNERS"-threads-*.txt | paste -sd,)" > "$DIAG/starts-threads-summary.txt"
  jcmd "$RS_PID" JFR.start name=submit settings=profile filename="$DIAG/submissions.jfr" > /dev/null
  "${QUIZ_JAVA[@]}" submissions --url "$URL" --learners "$WORK/learners.tsv" --quiz bench/timed-check \
    --connections "$SUB_CONNECTIONS" --attempts "$SUB_ATTEMPTS" --seconds "$SUB_SECONDS" --round diagnose --pid "$RS_PID" \
    --quiet-wait "$QUIET_WAIT" --out "$DIAG/submissions.tsv" --per-second-out "$DIAG/submissions-per-second.tsv" \
    --diag "$DIAG" --strace "$(command -v strace > /dev/null && echo true || echo false)" > "$DIAG/submissions.txt"
  jcmd "$RS_PID" JFR.stop name=submit > /dev/null
  "${QUIZ_JAVA[@]}" jfr --file "$DIAG/submissions.jfr" --window "$DIAG/submissions-window.txt" > "$DIAG/submissions-profile.txt"
  "${QUIZ_JAVA[@]}" threads --files "$(ls "$DIAG"/submissions-threads-*.txt | paste -sd,)" > "$DIAG/submissions-threads-summary.txt"
  cat "$DIAG/starts.tsv" "$DIAG/submissions.tsv"
fi

echo "load average at the end of the HTTP runs: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
log "stopping Roadshow"
stop_roadshow

# ---------------------------------------------------------------- JMH, in-process
if $JMH; then
  log "JMH: AttemptStore.submit and .start in-process on an H2 file database"
  BUNDLES=$WORK/bundles && rm -rf "$BUNDLES" && mkdir -p "$BUNDLES"
  unzip -j -o -q "$JAR" 'bundles/3/roadshow.quiz-*' 'bundles/3/roadshow.content-*' 'bundles/3/roadshow.store-*' -d "$BUNDLES"
  timeout 900 mvn -B -q -f benchmarks/quiz/jmh/pom.xml -Droadshow.bundles="$BUNDLES" clean package dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt > "$RESULTS/jmh-build.txt" 2>&1 || { cat "$RESULTS/jmh-build.txt"; exit 1; }
  JMH_CP=benchmarks/quiz/jmh/target/classes:$(cat benchmarks/quiz/jmh/target/cp.txt)
  echo "load average before JMH: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
  timeout 3600 java -cp "$JMH_CP" org.openjdk.jmh.Main 'SubmitBenchmark' -p contentJar="$CONTENT" \
    -t "$JMH_THREADS" -bs "$JMH_BATCH" -wbs "$JMH_BATCH" -rf json -rff "$RESULTS/jmh-submit.json" > "$RESULTS/jmh-submit.txt" 2>&1
  timeout 3600 java -cp "$JMH_CP" org.openjdk.jmh.Main 'StartBenchmark' -p contentJar="$CONTENT" \
    -t "$JMH_THREADS" -rf json -rff "$RESULTS/jmh-start.json" > "$RESULTS/jmh-start.txt" 2>&1
  echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/machine.txt"
  tail -n 4 "$RESULTS/jmh-submit.txt" "$RESULTS/jmh-start.txt"
  if $DIAGNOSE; then
    # An experiment, not a figure: the same store on H2 without WRITE_DELAY=0 (H2's own default: the changes of
    # committed transactions written within 500 ms rather than at each commit) and in memory, to tell the cost
    # of writing at each commit from the rest.
    log "JMH experiment: the same with other H2 URLs"
    URLS='jdbc:h2:file:{folder}/roadshow;WRITE_DELAY=0,jdbc:h2:file:{folder}/roadshow,jdbc:h2:mem:quiz{folder};DB_CLOSE_DELAY=-1'
    for b in SubmitBenchmark StartBenchmark; do
      batch=() && [ "$b" = SubmitBenchmark ] && batch=(-bs "$JMH_BATCH" -wbs "$JMH_BATCH")
      timeout 3600 java -cp "$JMH_CP" org.openjdk.jmh.Main "$b" -p contentJar="$CONTENT" -p url="$URLS" -t "$JMH_THREADS" \
        -wi 2 -i 3 "${batch[@]}" -rf json -rff "$RESULTS/diagnose/jmh-urls-$b.json" > "$RESULTS/diagnose/jmh-urls-$b.txt" 2>&1
      grep -A4 '^Benchmark ' "$RESULTS/diagnose/jmh-urls-$b.txt"
    done
  fi
fi

# ---------------------------------------------------------------- the figures
"${QUIZ_JAVA[@]}" report --results "$RESULTS" > "$RESULTS/figures.md"
cat "$RESULTS/figures.md"
if $UPDATE; then
  python3 - "$RESULTS/figures.md" <<'PY'
import re, sys
section = open(sys.argv[1]).read().strip() + "\n"
text = open("BENCHMARKS.md").read()
pattern = re.compile(r"<!-- quiz figures:begin.*?<!-- quiz figures:end -->\n?", re.S)
if not pattern.search(text):
    sys.exit("BENCHMARKS.md has no quiz figures markers; paste figures.md by hand")
text = pattern.sub(lambda m: section, text)
open("BENCHMARKS.md", "w").write(text)
PY
  log "BENCHMARKS.md updated (the figures block of the Quizzes section)"
fi
echo "results: $RESULTS"
