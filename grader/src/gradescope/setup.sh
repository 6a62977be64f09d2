#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu, by default
# 22.04), with the autograder's zip unpacked in $AUTOGRADER_ROOT/source. It installs a JDK and
# bubblewrap where they are missing, and builds the grader, which downloads Maven, its plugins and
# the test libraries once: grading a submission needs no network.
set -euo pipefail

root="${AUTOGRADER_ROOT:-/autograder}"
course="$root/source/course"

javac_version="$( (javac -version 2>&1 || true) | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p')"
if [ -z "$javac_version" ] || [ "$javac_version" -lt 17 ]; then
    echo "installing a JDK 17 (found: ${javac_version:-none})"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi
# The sandbox each test JVM runs in. A container that forbids user namespaces still grades, and
# every report then says "not sandboxed".
if ! command -v bwrap >/dev/null 2>&1; then
    echo "installing bubblewrap for the grader's sandbox"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null \
        || echo "bubblewrap could not be installed: submissions will be graded without a sandbox"
fi

cd "$course"
chmod +x mvnw "$root/source/run_autograder"
./mvnw -B -q -pl grader compile
echo "the grader is built: $course/grader/target/classes"
