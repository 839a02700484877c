#!/usr/bin/env bash
# Prints how well the rules read the evaluation sets: each message they get wrong (text, expected, got), the score
# of every class (the "class" of each line; intents.jsonl beside the set adds the reply classes, intent-...),
# then "fully correct: N/M (P%)" over both. Issue 18's bar is 97% overall and 90% in every class;
# ExtractionEvaluationTest holds it there.
#   tools/understanding-eval.sh [--require PERCENT] [--require-class PERCENT] [SET.jsonl [VOCABULARY.json]]
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
