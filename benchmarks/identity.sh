#!/usr/bin/env bash
# Identity figures for BENCHMARKS.md: how slow a log-in is with Argon2id at the parameters
# Roadshow ships with (on purpose), how many log-ins per second a node takes, and the
# catalog's throughput for a signed-in person next to a visitor (what the session lookup costs).
#
#   benchmarks/identity.sh [--quick] [--no-update]
#
# Settings, from the environment (defaults in brackets):
#   LOGINS [30]           sequential log-ins timed one by one
#   WRK_DURATION [15]     seconds per measured wrk run; WRK_ROUNDS [3] rounds of (visitor, signed in)
#   WRK_CONNECTIONS [32]  for the page throughput; log-ins use LOGIN_CONNECTIONS [2] and [4]
#   PORT_BASE [18580]
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=false UPDATE=true
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-update) UPDATE=false ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
if $QUICK; then : "${LOGINS:=10}" "${WRK_DURATION:=5}" "${WRK_ROUNDS:=1}"; fi
LOGINS=${LOGINS:-30} WRK_DURATION=${WRK_DURATION:-15} WRK_ROUNDS=${WRK_ROUNDS:-3}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32} PORT_BASE=${PORT_BASE:-18580}

command -v wrk > /dev/null || { sudo -n apt-get install -y -qq wrk > /dev/null 2>&1 || apt-get install -y -qq wrk > /dev/null; }
JAR=launcher/target/roadshow.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=benchmarks/target/results/identity-$STAMP
WORK=benchmarks/target/bench/identity-home
mkdir -p "$RESULTS" && rm -rf "$WORK"
PORT=$PORT_BASE
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
URL=http://127.0.0.1:$PORT
EMAIL=bench-admin@roadshow.test PASSWORD=bench-password-123

ROADSHOW_ADMIN_EMAIL=$EMAIL ROADSHOW_ADMIN_PASSWORD=$PASSWORD java -jar "$JAR" --port "$PORT" --home "$WORK" > "$RESULTS/roadshow.log" 2>&1 &
RS_PID=$!
trap 'kill $RS_PID 2>/dev/null || true' EXIT
BODY="{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"
login() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d "$BODY" "$URL/api/v1/session"; }
for _ in $(seq 600); do [ "$(login | cut -d' ' -f1)" = 200 ] && break; sleep 0.1; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/courses")" = 200 ]; do sleep 0.1; done

echo "== $LOGINS sequential log-ins (after 5 to warm up)"
for _ in 1 2 3 4 5; do login > /dev/null; done
for _ in $(seq "$LOGINS"); do login; done | awk '{print $2 * 1000}' | sort -n > "$RESULTS/login-ms.txt"
MEDIAN_MS=$(awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]}' "$RESULTS/login-ms.txt")
P90_MS=$(awk '{a[NR]=$1} END {printf "%.0f", a[int(NR*0.9+0.5)]}' "$RESULTS/login-ms.txt")

cat > "$RESULTS/login.lua" <<LUA
wrk.method = "POST"
wrk.body = '$BODY'
wrk.headers["Content-Type"] = "application/json"
LUA
rps() { awk '/Requests\/sec/ {printf "%.0f\n", $2}' "$1"; }
for c in 2 4; do
  echo "== log-ins per second, $c connections"
  wrk -t2 -c$c -d"${WRK_DURATION}s" -s "$RESULTS/login.lua" "$URL/api/v1/session" > "$RESULTS/wrk-login-c$c.txt"
  grep -q "Non-2xx" "$RESULTS/wrk-login-c$c.txt" && { echo "log-ins failed under load:"; cat "$RESULTS/wrk-login-c$c.txt"; exit 1; }
done
LOGINS_2=$(rps "$RESULTS/wrk-login-c2.txt") LOGINS_4=$(rps "$RESULTS/wrk-login-c4.txt")

SESSION=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "$BODY" "$URL/api/v1/session" \
  | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: roadshow-session=/ {print $2}')
[ -n "$SESSION" ] || { echo "no session cookie" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: roadshow-session=$SESSION" "$URL/api/v1/session")" = 200 ]
echo "== the catalog: warm-up, then $WRK_ROUNDS rounds of (visitor, signed in)"
wrk -t2 -c"$WRK_CONNECTIONS" -d10s "$URL/" > /dev/null
wrk -t2 -c"$WRK_CONNECTIONS" -d10s -H "Cookie: roadshow-session=$SESSION" "$URL/" > /dev/null
for r in $(seq "$WRK_ROUNDS"); do
  wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_DURATION}s" --latency "$URL/" > "$RESULTS/wrk-visitor-$r.txt"
  wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_DURATION}s" --latency -H "Cookie: roadshow-session=$SESSION" "$URL/" > "$RESULTS/wrk-signedin-$r.txt"
  grep -q "Non-2xx" "$RESULTS/wrk-signedin-$r.txt" && { echo "signed-in requests failed"; exit 1; }
done
curl -s -H "Cookie: roadshow-session=$SESSION" "$URL/" | grep -q 'Log out' || { echo "the signed-in page does not show the person" >&2; exit 1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
VISITOR=$(for f in "$RESULTS"/wrk-visitor-*.txt; do rps "$f"; done | median)
SIGNED=$(for f in "$RESULTS"/wrk-signedin-*.txt; do rps "$f"; done | median)
RATIO=$(awk -v a="$SIGNED" -v b="$VISITOR" 'BEGIN {printf "%.2f", a / b}')

SECTION=$(cat <<MD
<!-- identity figures: written by benchmarks/identity.sh; edit the script, not this section -->
## Identity

Measured by \`benchmarks/identity.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC. Machine: $(nproc) CPUs, $(sed -n 2p < <(java -version 2>&1)); Roadshow with its default settings on H2, loopback.

| figure | value |
|---|---|
| Argon2id parameters (the default, OWASP's recommendation) | m=19456 KiB, t=2, p=1 |
| one log-in, \`POST /api/v1/session\`, median of $LOGINS sequential (90th percentile) | $MEDIAN_MS ms ($P90_MS ms) |
| log-ins per second, 2 connections / 4 connections | $LOGINS_2 / $LOGINS_4 |
| catalog \`/\` for a visitor, requests per second (median of $WRK_ROUNDS x ${WRK_DURATION}s, $WRK_CONNECTIONS connections) | $VISITOR |
| the same page signed in (session cookie looked up in the database on every request) | $SIGNED |
| ratio signed in / visitor (target: the session lookup must not halve it, so at least 0.5) | **$RATIO** |

A log-in is slow by design: each one spends about $MEDIAN_MS ms of one core hashing, so
that a stolen password table costs an attacker the same per guess; a node with N cores
takes about N times the single-connection rate. Raw outputs: \`$RESULTS/\`.
<!-- end of identity figures -->
MD
)
echo "$SECTION" | tee "$RESULTS/figures.md"
if $UPDATE && ! $QUICK; then
  python3 - "$RESULTS/figures.md" <<'PY'
import re, sys
section = open(sys.argv[1]).read().strip() + "\n"
text = open("BENCHMARKS.md").read()
pattern = re.compile(r"<!-- identity figures:.*?<!-- end of identity figures -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open("BENCHMARKS.md", "w").write(text)
PY
  echo "BENCHMARKS.md updated"
fi
