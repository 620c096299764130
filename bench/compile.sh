#!/bin/sh
# Builds the jar (./controlmap) and compiles the benchmark and picture programs of bench/java against it,
# into target/bench-classes. They read ../shared, which tests never do, so they live here, not in src/test.
# Prints the class path to run them with.
set -e
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
./controlmap --version >/dev/null   # target/classes and target/lib, up to date
mkdir -p target/bench-classes
javac -nowarn -d target/bench-classes -cp "target/classes:target/lib/*" $(find bench/java -name '*.java')
echo "target/bench-classes:target/classes:target/lib/*"
