#!/usr/bin/env bash
# Builds the tariff engine and its JMH benchmark (in one reactor, nothing installed), then runs it on one thread.
# Usage: bench/tariff-engine.sh [extra JMH options]   (default run: 2 forks x 3 iterations x 2 s)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -pl bench -am package -DskipTests -DskipITs -Djib.skip
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); $(date)"
exec java -jar bench/target/benchmarks.jar TariffEngineBenchmark -t 1 "$@"
