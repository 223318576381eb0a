#!/usr/bin/env bash
# Benchmark: the reference Python grid search vs drydock's trainer, same data, same held-out houses.
# Usage (from the repository root): trainer/bench/run-bench.sh [--sample 12] [--grid-sample 24]
# Needs Debian's python3-xgboost python3-sklearn python3-pandas (for /usr/bin/python3).
# Env: REFERENCE (default trainer/bench/reference_gridsearch.py, the published procedure kept beside this script), TRAIN_CSV (default: the examples' copy).
set -euo pipefail
cd "$(dirname "$0")/../.."
REFERENCE=${REFERENCE:-trainer/bench/reference_gridsearch.py}
TRAIN_CSV=${TRAIN_CSV:-examples/src/main/resources/house-prices/train.csv}
[ -f "$REFERENCE" ] || { echo "no reference script at $REFERENCE: set REFERENCE" >&2; exit 1; }
/usr/bin/python3 -c 'import xgboost, sklearn, pandas' 2>/dev/null ||
  { echo "install python3-xgboost python3-sklearn python3-pandas (apt-get install -y ...)" >&2; exit 1; }
./mvnw -B -q -o -pl trainer package -DskipTests -Dmaven.test.skip=false
export OMP_WAIT_POLICY=PASSIVE
exec java -cp trainer/target/test-classes:trainer/target/drydock-trainer.jar dev.drydock.trainer.bench.Bench \
  --reference "$REFERENCE" --train "$TRAIN_CSV" --jar trainer/target/drydock-trainer.jar "$@"
