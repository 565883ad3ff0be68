#!/usr/bin/env bash
# Tier recomputation for BENCHMARKS.md (issue 5): GET /api/v1/orgs/ORG/tiers for a partner
# organisation of MEMBERS people holding CERTIFICATIONS certifications on five tracks of one
# programme. Each request recomputes the standing (members, their certifications, every
# tier's needs, the lapse forecast) from the database; nothing of it is cached.
#
#   benchmarks/tiers.sh
#
# Settings, from the environment (defaults in brackets): MEMBERS [10000], CERTIFICATIONS
# [50000], WARMUP [30] requests before RUNS [50] timed ones, one at a time, PORT [18690].
# Expects `mvn -q install -DskipTests` to have built launcher/target/roadshow.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

MEMBERS=${MEMBERS:-10000} CERTIFICATIONS=${CERTIFICATIONS:-50000} WARMUP=${WARMUP:-30} RUNS=${RUNS:-50} PORT=${PORT:-18690}
WORK=benchmarks/target/bench/tiers
rm -rf "$WORK" && mkdir -p "$WORK/home/deploy"
cp launcher/target/roadshow.jar "$WORK/roadshow.jar"
jar --create --file "$WORK/home/deploy/bench-tiers.jar" --manifest benchmarks/tiers/content/MANIFEST.MF -C benchmarks/tiers/content roadshow
H2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | sort | tail -1)
export ROADSHOW_ADMIN_EMAIL=bench-admin@roadshow.test ROADSHOW_ADMIN_PASSWORD=bench-password-123

serve() {
  java -jar "$WORK/roadshow.jar" --port "$PORT" --home "$WORK/home" --examples false > "$WORK/roadshow-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    # the content served, and the certification bundle up (so its tables and identity's are made)
    curl -sf "http://127.0.0.1:$PORT/api/v1/courses" | grep -q '"bench"' \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/me/certifications")" = 401 ] && return 0
    sleep 0.1
  done
  echo "Roadshow did not serve the benchmark content; see $WORK/roadshow-$1.log" >&2
  exit 1
}

serve first        # makes the tables
kill -TERM "$PID" && wait "$PID" || true
java -cp "$H2" benchmarks/tiers/TiersBench.java populate "jdbc:h2:file:$PWD/$WORK/home/data/roadshow" bigco "$MEMBERS" "$CERTIFICATIONS"
serve second
trap 'kill -TERM $PID 2>/dev/null || true' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
java benchmarks/tiers/TiersBench.java measure "http://127.0.0.1:$PORT" "$ROADSHOW_ADMIN_EMAIL" "$ROADSHOW_ADMIN_PASSWORD" bigco "$WARMUP" "$RUNS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
