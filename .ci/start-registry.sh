#!/usr/bin/env bash
# Starts Debian's docker-registry (distribution 2.8) bound to 127.0.0.1:PORT, for tests and CI; optionally
# requiring basic-auth credentials (htpasswd, bcrypt) - for example USER=AWS and an ECR-like token.
#
# Usage:  .ci/start-registry.sh PORT [USER PASSWORD]     start (or reuse a running one), print its PID
#         .ci/start-registry.sh --stop PORT              stop the one started for PORT
# State:  ${DRYDOCK_REGISTRY_DIR:-/tmp/drydock-registry}/PORT/{config.yml,htpasswd,data/,registry.log,pid}
# Plain HTTP is fine: Docker treats 127.0.0.0/8 as an insecure registry and sends credentials to it.
set -euo pipefail

BASE=${DRYDOCK_REGISTRY_DIR:-/tmp/drydock-registry}

if [ "${1:-}" = "--stop" ]; then
  PORT=${2:?usage: $0 --stop PORT}
  PIDFILE="$BASE/$PORT/pid"
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    kill "$(cat "$PIDFILE")"
    echo "stopped registry on 127.0.0.1:$PORT"
  fi
  rm -f "$PIDFILE"
  exit 0
fi

PORT=${1:?usage: $0 PORT [USER PASSWORD] | --stop PORT}
USER_NAME=${2:-}
PASSWORD=${3:-}
if [ -n "$USER_NAME" ] && [ -z "$PASSWORD" ]; then
  echo "give both USER and PASSWORD, or neither" >&2; exit 2
fi
command -v docker-registry >/dev/null || {
  echo "docker-registry is not installed: apt-get install -y docker-registry" >&2; exit 1; }

DIR="$BASE/$PORT"
mkdir -p "$DIR/data"
PIDFILE="$DIR/pid"
if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
  echo "$(cat "$PIDFILE")"   # already running for this port: reuse it (its credentials are as first started)
  exit 0
fi

AUTH=""
if [ -n "$USER_NAME" ]; then
  if ! command -v htpasswd >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q apache2-utils >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q apache2-utils >/dev/null 2>&1; }
  fi
  htpasswd -Bbn "$USER_NAME" "$PASSWORD" >"$DIR/htpasswd"
  AUTH="auth:
  htpasswd:
    realm: drydock-test-registry
    path: $DIR/htpasswd"
fi

cat >"$DIR/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$PORT
  secret: drydock-test-only
$AUTH
YAML

nohup docker-registry serve "$DIR/config.yml" >"$DIR/registry.log" 2>&1 &
echo $! >"$PIDFILE"
for _ in $(seq 1 100); do
  # 200 without auth, 401 with: either way it answers
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true)
  if [ "$code" = 200 ] || [ "$code" = 401 ]; then
    cat "$PIDFILE"
    exit 0
  fi
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || break
  sleep 0.1
done
echo "the registry did not come up on 127.0.0.1:$PORT; its log:" >&2
tail -20 "$DIR/registry.log" >&2
exit 1
