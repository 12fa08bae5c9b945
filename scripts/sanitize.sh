#!/usr/bin/env bash
# Builds rupa and its tests with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-sanitize/ and runs the test suite there (all but the repetitive tests listed below).
# Any memory error or undefined behaviour fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-tests >/dev/null   # the packages (and the normal build)
jobs=$(nproc 2>/dev/null || echo 2)
# -O1 with line tables only (-g1): the sanitizers' reports keep their file:line stacks, and the
# build takes about 8 minutes on two cores instead of about 25 at -O2 -g (RelWithDebInfo). GCC 12
# warns falsely of "maybe uninitialized" std::function members inside <regex> under ASan.
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1 -Wno-maybe-uninitialized" \
  -DRUPA_BUILD_TESTS=ON -DRUPA_SANITIZE=ON
cmake --build build-sanitize -j"$jobs"
# Leak reports are off: glib, fontconfig and Pango keep process-lifetime caches that
# LeakSanitizer cannot tell from leaks. Everything else aborts the test that hits it.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Every test but those that only repeat, many times over, what others check once: the
# weekly highlights (a reel encoded per batch), every template with every brand kit, and the
# batch's bookkeeping (skipping, resuming, sharding by GNU parallel, failing posts), each of
# which runs whole batches with their reel. One whole batch, the shards and a failing post
# still run here, through the forked posts. The normal pass runs everything.
timeout 1800 build-sanitize/rupa_tests -sfe='*highlights_test.cpp,*brand_matrix_test.cpp' \
  -tce='*killed with SIGKILL*,*GNU parallel form*,*second batch skips*,*deleted output is rendered again*,*dated in another week*,*reads but cannot render*,*contact sheet shows every post*'
