#!/bin/bash
# Instructions per gradient call for each function, method and input count, with the
# project's icount (callgrind). Usage: tools/tape_icount.sh [functions] [methods] [sizes]
set -eu
cd "$(dirname "$0")/.."
cargo build -q --release --example tape_bench
icount=${ICOUNT:-../shared/tools/icount}
fns=${1:-"rosen logistic"}; methods=${2:-"plain hand tape tape_on dual"}; sizes=${3:-"2 16 24 32 64 256"}
for f in $fns; do for n in $sizes; do
  line="$f N=$n:"
  for m in $methods; do
    iters=$(( 40000 / n )); [ "$m" = dual ] && iters=$(( 2000 / n + 2 ))
    c=$($icount --per-call $iters target/release/examples/tape_bench "$f" "$m" "$n" | cut -d' ' -f1)
    line="$line $m=$c"
  done
  echo "$line"
done; done
