#!/usr/bin/env bash
# Prints how well the rule-based extractor reads the evaluation set: each message it gets wrong (text, expected, got),
# then "fully correct: N/M (P%)". The issue's bar is 95%; ExtractionEvaluationTest holds it there.
#   tools/understanding-eval.sh [--require PERCENT] [SET.jsonl [VOCABULARY.json]]
# Defaults: runtime/src/test/resources/understanding/eval.jsonl and the vocabulary.json beside the set.
# Runs the built runtime's classes as a plain main (no Quarkus, no database), building them first when they are
# missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

app=runtime/target/quarkus-app
if [[ ! -f $app/quarkus-run.jar || ! -d runtime/target/classes ]] \
    || [[ -n "$(find runtime/src/main runtime/pom.xml -newer "$app/quarkus-run.jar" -print -quit)" ]]; then
  echo "building the runtime ..." >&2
  ./mvnw -q -B -pl runtime -am package -DskipTests
fi
exec java -cp "runtime/target/classes:$app/lib/main/*" dev.parley.runtime.understanding.EvaluationCommand "$@"
