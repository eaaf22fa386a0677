#!/bin/sh
# The image's own files, beside the application's layers: a Java runtime made by jlink from the JDK
# that builds it, the few shared libraries that runtime links (found by ldd, copied from this
# machine), an unprivileged user, and writable /tmp and /data. The image starts FROM scratch: no
# base image has to be pulled from a registry, so it builds on a machine with no network and no
# Docker engine.
#
# Usage: build-root.sh OUT_DIR JAVA_HOME
set -eu
out=$1
jdk=$2
rm -rf "$out"
mkdir -p "$out/etc" "$out/tmp" "$out/data"
"$jdk/bin/jlink" \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.localedata,jdk.charsets \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/opt/java"
# Headless: no X11, sound or splash screen, so none of their libraries come along.
rm -f "$out/opt/java/lib/libawt_xawt.so" "$out/opt/java/lib/libjawt.so" "$out/opt/java/lib/libsplashscreen.so" \
      "$out/opt/java/lib/libjsound.so"
# The runtime's native dependencies (glibc, libz, the dynamic loader), as the binaries name them.
for f in "$out/opt/java/bin/java" $(find "$out/opt/java/lib" -name '*.so'); do
  ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\t\/.*ld-linux/ {print $1}'
done | sort -u | while read -r lib; do
  case "$lib" in "$out"/*) continue ;; esac  # the runtime's own libraries are there already
  cp -L --parents "$lib" "$out"
done
# The embedded PostgreSQL (all-in-one on defaults) runs under this user and refuses root.
cat > "$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
ekommunal:x:10001:10001:e-kommunal:/data:/sbin/nologin
PASSWD
cat > "$out/etc/group" <<GROUP
root:x:0:
ekommunal:x:10001:
GROUP
echo "image root: $(du -sh "$out" | cut -f1) in $out"
