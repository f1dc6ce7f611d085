#!/usr/bin/env bash
# (b) Load run: the dashboard's data endpoint against the app's smallest JSON endpoint, both through
# the whole stack (Kestrel, bearer-token authentication, authorization, rate limiter, EF, SQLite).
#
#   bench/load/run.sh
#
# Builds the app in Release, seeds a temp SQLite file with one Person and three years of check-ins
# (~3 a day) through the app's own services (`SciaticaRelief.Benchmarks seed`), starts the app on
# 127.0.0.1 in Production, then loads with wrk, in turn and for ROUNDS rounds each:
#   GET /api/v1/dashboard?days=1095   and   GET /api/v1/me
# first as a first request (no If-None-Match), then as a repeat (If-None-Match: the ETag the
# endpoint returned, so the dashboard answers 304). Prints each side's req/s and, per variant, the
# median of the per-round ratios dashboard/me against its target (first >= 0.1, repeat >= 0.5).
# Ratios, not gates: a missed target is reported and the exit code stays 0. Any answer outside
# 2xx (304 allowed on the repeat) or any socket error fails the run (exit 1).
#
# Environment: PORT (0 = any free port), ROUNDS (5), DURATION (5s), THREADS (1), CONNECTIONS (8),
# DAYS (1095), KEEP=1 keeps the temp folder (database and app log).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/load"
PORT=${PORT:-0}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-8}
DAYS=${DAYS:-1095}
TARGET_FIRST=0.1
TARGET_REPEAT=0.5

WORK=$(mktemp -d "${TMPDIR:-/tmp}/relief-load.XXXXXX")
APP_PGID=""

stop_app() {
  [[ -n $APP_PGID ]] || return 0
  # `dotnet run` starts the app as a child process: stop the whole process group it leads.
  kill -TERM -- "-$APP_PGID" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 -- "-$APP_PGID" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$APP_PGID" 2>/dev/null || true
  APP_PGID=""
}

cleanup() {
  local code=$?
  stop_app
  if [[ ${KEEP:-0} == 1 ]]; then
    echo "Kept $WORK (relief.db, app.log)." >&2
  else
    rm -rf "$WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
  echo "FAILED: $*" >&2
  if [[ -f $WORK/app.log ]]; then
    echo "--- last lines of the app's log:" >&2
    tail -n 30 "$WORK/app.log" >&2
  fi
  exit 1
}

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)."
command -v curl >/dev/null || die "curl is not installed."

echo "== Building (Release)"
dotnet build "$ROOT/bench/SciaticaRelief.Benchmarks" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { tail -n 30 "$WORK/build.log" >&2; die "the build failed"; }

echo "== Seeding one Person with three years of check-ins"
DB="$WORK/relief.db"
TOKEN=$(dotnet run --project "$ROOT/bench/SciaticaRelief.Benchmarks" -c Release --no-build -- seed --db "$DB" --years 3 --per-day 3) \
  || die "seeding failed"
[[ $TOKEN == srpat_* ]] || die "the seed did not print a token (got '$TOKEN')"

echo "== Starting the app on 127.0.0.1 (Production)"
# setsid: the app gets its own process group, so stop_app ends `dotnet run` and its child together.
ASPNETCORE_ENVIRONMENT=Production \
Database__SqlitePath="$DB" \
RateLimits__ApiPerMinute=100000000 \
  setsid dotnet run --project "$ROOT/src/SciaticaRelief.Web" -c Release --no-build --no-launch-profile \
    --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
APP_PGID=$(ps -o pgid= -p "$APP_PID" | tr -d ' ')
[[ $APP_PGID == "$APP_PID" ]] || die "the app did not get its own process group ($APP_PID in $APP_PGID)"

BASE=""
for _ in $(seq 1 600); do
  kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start"
  BASE=$(grep -oE 'Open: +http://127\.0\.0\.1:[0-9]+' "$WORK/app.log" | head -n 1 | grep -oE 'http://.*' || true)
  [[ -n $BASE ]] && break
  sleep 0.2
done
[[ -n $BASE ]] || die "the app did not print its address within 120 s"
AUTH="Authorization: Bearer $TOKEN"
DASHBOARD="$BASE/api/v1/dashboard?days=$DAYS"
ME="$BASE/api/v1/me"
echo "   $BASE, database $DB"

# The status and ETag of one request: "STATUS ETAG" (ETAG "-" when there is none).
probe() {
  local url=$1; shift
  local headers
  headers=$(curl -sS -o /dev/null -D - -H "$AUTH" "$@" "$url") || die "GET $url failed"
  local status etag
  status=$(printf '%s\n' "$headers" | head -n 1 | awk '{print $2}')
  etag=$(printf '%s\n' "$headers" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); $1 = ""; sub(/^ /, ""); print }')
  echo "$status ${etag:--}"
}

read -r status DASH_ETAG < <(probe "$DASHBOARD")
[[ $status == 200 ]] || die "GET $DASHBOARD answered $status"
[[ $DASH_ETAG != - ]] || die "GET $DASHBOARD sent no ETag"
read -r status _ < <(probe "$DASHBOARD" -H "If-None-Match: $DASH_ETAG")
[[ $status == 304 ]] || die "GET $DASHBOARD with If-None-Match answered $status, not 304"
read -r status ME_ETAG < <(probe "$ME")
[[ $status == 200 ]] || die "GET $ME answered $status"
if [[ $ME_ETAG == - ]]; then
  echo "   note: /api/v1/me sends no ETag, so its repeat variant is a plain 200 (nothing to revalidate)"
fi

# run_wrk VARIANT NAME URL: one wrk run; prints its req/s, fails on any BAD answer.
run_wrk() {
  local variant=$1 name=$2 url=$3 etag="-"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -s "$HERE/status.lua" -H "$AUTH")
  if [[ $variant == repeat ]]; then
    if [[ $name == dashboard ]]; then etag=$DASH_ETAG; else etag=$ME_ETAG; fi
    if [[ $etag != - ]]; then args+=(-H "If-None-Match: $etag"); fi
  fi
  local out="$WORK/wrk-$variant-$name.txt"
  WRK_ALLOW_304=$([[ $variant == repeat ]] && echo 1 || echo 0) wrk "${args[@]}" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed on $url"; }
  local bad rps
  bad=$(awk '$1 == "BAD" {print $2}' "$out")
  rps=$(awk '$1 == "RPS" {print $2}' "$out")
  [[ -n $bad && -n $rps ]] || { cat "$out" >&2; die "wrk printed no summary for $url"; }
  if [[ $bad != 0 ]]; then
    grep -E '^(STATUS|SOCKET_ERRORS)' "$out" >&2
    die "$bad bad answer(s) from $url ($variant)"
  fi
  if [[ $variant == repeat && $name == dashboard ]] && ! grep -q '^STATUS 304 ' "$out"; then
    grep -E '^STATUS' "$out" >&2
    die "the repeat variant of the dashboard got no 304 (did the ETag change?)"
  fi
  echo "$rps"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "== Warm-up (not counted)"
for variant in first repeat; do
  DURATION=2s run_wrk "$variant" dashboard "$DASHBOARD" >/dev/null
  DURATION=2s run_wrk "$variant" me "$ME" >/dev/null
done

declare -A SUMMARY
for variant in first repeat; do
  echo "== $variant request: $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION a side, alternating which goes first"
  dash_all="" me_all="" ratio_all=""
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 == 1 )); then
      d=$(run_wrk "$variant" dashboard "$DASHBOARD"); m=$(run_wrk "$variant" me "$ME")
    else
      m=$(run_wrk "$variant" me "$ME"); d=$(run_wrk "$variant" dashboard "$DASHBOARD")
    fi
    r=$(awk -v d="$d" -v m="$m" 'BEGIN {printf "%.3f", d / m}')
    printf '   round %d: dashboard %9.1f req/s   me %9.1f req/s   ratio %s\n' "$round" "$d" "$m" "$r"
    dash_all+=" $d"; me_all+=" $m"; ratio_all+=" $r"
  done
  dm=$(echo "$dash_all" | median); mm=$(echo "$me_all" | median); rm_=$(echo "$ratio_all" | median)
  target=$([[ $variant == first ]] && echo "$TARGET_FIRST" || echo "$TARGET_REPEAT")
  verdict=$(awk -v r="$rm_" -v t="$target" 'BEGIN {print (r >= t ? "met" : "MISSED")}')
  SUMMARY[$variant]=$(printf '%-7s dashboard median %9.1f req/s   me median %9.1f req/s   median ratio %s (target >= %s: %s)' \
    "$variant" "$dm" "$mm" "$rm_" "$target" "$verdict")
done

echo
echo "== Summary (days=$DAYS; ratio = dashboard req/s / me req/s in the same round)"
echo "   ${SUMMARY[first]}"
echo "   ${SUMMARY[repeat]}"
