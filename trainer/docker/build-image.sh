#!/usr/bin/env bash
# Builds the trainer image drydock/trainer:latest from the local base drydock/jre:17 (built first if missing),
# with the classic builder (no buildx here) and without pulling.
# Usage: trainer/docker/build-image.sh     (after ./mvnw -pl trainer package -DskipTests)
# Env: TRAINER_JAR, BASE_IMAGE (default drydock/jre:17), IMAGE (default drydock/trainer:latest).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export BASE_IMAGE=${BASE_IMAGE:-drydock/jre:17}
IMAGE=${IMAGE:-drydock/trainer:latest}
JAR=${TRAINER_JAR:-$HERE/../target/drydock-trainer.jar}
[ -f "$JAR" ] || { echo "no trainer jar at $JAR: run ./mvnw -pl trainer package -DskipTests first" >&2; exit 1; }
TRAINER_JAR="$JAR" "$HERE/build-base-image.sh" --if-missing

CTX=$(mktemp -d /tmp/drydock-ctx.XXXXXX)
trap 'rm -rf "$CTX"' EXIT
cp "$HERE/Dockerfile" "$CTX/Dockerfile"
cp "$JAR" "$CTX/trainer.jar"
DOCKER_BUILDKIT=0 docker build -q --pull=false --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$IMAGE" "$CTX" >/dev/null
echo "built $IMAGE from $BASE_IMAGE"
