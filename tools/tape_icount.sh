#!/bin/bash
# Instructions per gradient call for each function, method and input count, with the
# project's icount (callgrind). Usage: tools/tape_icount.sh [functions] [methods] [sizes]
# VECTOR_MEMSET=1 makes glibc's memset use vector stores instead of `rep stosb`, which
# callgrind counts once per byte (a new tape is zero-initialised with memset).
set -eu
cd "$(dirname "$0")/.."
cargo build -q --release --example tape_bench
icount=${ICOUNT:-../shared/tools/icount}
[ "${VECTOR_MEMSET:-0}" = 1 ] && export GLIBC_TUNABLES=glibc.cpu.x86_rep_stosb_threshold=1000000000
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
