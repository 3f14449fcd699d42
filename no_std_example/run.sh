#!/usr/bin/env bash
# CI entry point for the firmware: install what is missing, build typegrad alone for the
# Cortex-M4F target, then boot the firmware in QEMU. Fails if any step or check fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target=thumbv7em-none-eabihf

# Root runs apt-get itself; anyone else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
fi
if ! command -v qemu-system-arm >/dev/null; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends qemu-system-arm
fi

# The committed reference constants must be what the generator prints.
if command -v python3 >/dev/null; then
    python3 "$here/reference/gen_reference.py" | rustfmt --edition 2024 |
        diff -u "$here/src/reference.rs" - ||
        { echo "src/reference.rs is stale: regenerate it (see its header)" >&2; exit 1; }
fi

# The library by itself, as a no_std user builds it.
# At the root, the default member is the library alone.
(cd "$here/.." && cargo build --target "$target" --no-default-features --features libm)

# Build, then boot; the timeout only guards against a firmware that hangs instead of exiting.
cd "$here"
cargo build --release
timeout 120 cargo run --release </dev/null
