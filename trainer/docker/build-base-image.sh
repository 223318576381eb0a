#!/usr/bin/env bash
# Builds the base image drydock/jre:17 without pulling anything: a jlink'd Java runtime from the host JDK plus
# the shared libraries that it and XGBoost4J's native library need, imported as a one-layer image (~15 s).
# Usage: trainer/docker/build-base-image.sh [--if-missing]
# Env: TRAINER_JAR (default trainer/target/drydock-trainer.jar), JAVA_HOME, BASE_IMAGE (default drydock/jre:17).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
IMAGE=${BASE_IMAGE:-drydock/jre:17}
JAR=${TRAINER_JAR:-$HERE/../target/drydock-trainer.jar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
MODULES=${JRE_MODULES:-java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs}

if [ "${1:-}" = "--if-missing" ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base image $IMAGE exists"; exit 0
fi
[ -f "$JAR" ] || { echo "no trainer jar at $JAR: run ./mvnw -pl trainer package -DskipTests first" >&2; exit 1; }
[ -x "$JAVA_HOME/bin/jlink" ] || { echo "no jlink in $JAVA_HOME: set JAVA_HOME to a JDK 17" >&2; exit 1; }
[ -d "$JAVA_HOME/jmods" ] || { echo "no $JAVA_HOME/jmods: install the JDK's jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/drydock-base.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
R="$WORK/rootfs"
mkdir -p "$R"/{etc,tmp,lib64,opt/ml,app,root}
chmod 1777 "$R/tmp"   # XGBoost4J extracts its native library into /tmp

"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$R/opt/java"
rm -f "$R"/opt/java/lib/{libawt_xawt.so,libjawt.so,libsplashscreen.so}   # headless: no X11 libraries

N="$WORK/native"; mkdir -p "$N"
(cd "$N" && unzip -q -o "$JAR" 'lib/linux/x86_64/*' 2>/dev/null || true)  # XGBoost4J's bundled .so
{ find "$R/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \); find "$N" -name '*.so'; } |
  xargs -r ldd 2>/dev/null | awk '/=> \//{print $3} /^\s*\/lib64\//{print $1}' | sort -u |
  while read -r l; do mkdir -p "$R$(dirname "$l")"; cp -L "$l" "$R$l"; done
mkdir -p "$R/lib/x86_64-linux-gnu"
for l in libgomp.so.1 libstdc++.so.6 libgcc_s.so.1 libz.so.1; do
  cp -L "/lib/x86_64-linux-gnu/$l" "$R/lib/x86_64-linux-gnu/"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$R/lib64/"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$R/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$R/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$R/etc/nsswitch.conf"
if [ -x /bin/busybox ]; then mkdir -p "$R/bin" && cp /bin/busybox "$R/bin/busybox" && ln -s busybox "$R/bin/sh"; fi

tar --numeric-owner -C "$R" -c . | docker import \
  -c 'ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/bin LANG=C.UTF-8' -c 'WORKDIR /opt/ml' - "$IMAGE" >/dev/null
echo "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}'))"
