#!/usr/bin/env python3
"""Stack use of the tape's entry points (`benches/src/bin/stack.rs`), as the tape module's
documentation and the README quote it.

- frame sizes in release, read from `objdump -d` (the user's function, and the function of its
  own a closure form runs in): bytes per record and per input;
- the least thread stack that runs each entry point, in debug and release (binary search,
  4 KiB steps, less a thread that runs nothing);
- the largest capacity that runs on the 8 MiB main thread and on a 2 MiB thread.

    python3 benches/stack.py          # -> benches/results/stack.json

Builds into target/stack with v0 symbol mangling, whose names carry the generic arguments.
"""
import json, os, re, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target", "stack")
OUT = os.path.join(ROOT, "benches", "results", "stack.json")
SIZES = [("f64", 2, 8192), ("f64", 2, 16384), ("f64", 100, 8192), ("f64", 1000, 8192),
         ("f64", 1000, 16384), ("f32", 2, 8192), ("f32", 2, 16384), ("f32", 1000, 8192),
         ("f32", 1000, 16384)]
KINDS = ["gradient", "jacobian", "gradient_on", "jacobian_on"]
LIMITS = [20000, 30000, 40000, 43000, 45000, 50000, 60000, 80000, 100000, 170000, 180000,
          260000, 300000]


def build(profile):
    env = {**os.environ, "RUSTFLAGS": "-C symbol-mangling-version=v0"}
    args = ["cargo", "build", "-q", "-p", "typegrad-benches", "--bin", "stack",
            "--target-dir", TARGET] + (["--release"] if profile == "release" else [])
    subprocess.run(args, cwd=ROOT, env=env, check=True)
    return os.path.join(TARGET, profile, "stack")


def frames(binary):
    """Frame bytes of each function, from its prologue: pushes and `sub $…,%rsp`; a stack probe
    loop (`sub $A,%r11`, then `sub $0x1000,%rsp` until `%rsp` reaches `%r11`) counts as A."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", "-C", binary],
                         capture_output=True, text=True, check=True).stdout
    sizes = {}
    for f in re.split(r"\n(?=[0-9a-f]+ <)", out):
        name = re.sub(r"^[0-9a-f]+ <(.*)>:$", r"\1", f.split("\n", 1)[0])
        total, in_loop = 0, False
        for line in f.split("\n")[1:40]:
            m = re.search(r"\t(\w+) +(.*)", line)
            if not m:
                break
            op, args = m.groups()
            sub = re.match(r"\$0x([0-9a-f]+),%(r11|rsp)$", args) if op == "sub" else None
            if op == "push":
                total += 8
            elif sub and sub.group(2) == "r11":
                total, in_loop = total + int(sub.group(1), 16), True
            elif sub:
                total += 0 if in_loop else int(sub.group(1), 16)
            elif op == "jne" and in_loop:
                in_loop = False
            elif not (op in ("mov", "movq", "cmp") and ("%rsp" in args or "%r11" in args)):
                break
        sizes[name] = total
    return sizes


def release_frames(binary):
    """For each entry point and size: the user's function's frame, and the outlined one's."""
    sizes = frames(binary)
    rows = {}
    for kind in KINDS:
        for t, n, cap in SIZES:
            user = sizes.get(f"stack::{kind}::<{t}, {n}, {cap}>")
            inner = [v for k, v in sizes.items() if k.startswith("typegrad::tape::api::outlined")
                     and f"stack::{kind}<{t}, {n}, {cap}>" in k]
            rows[f"{kind} {t} {n} {cap}"] = {"caller": user, "own function": inner[0] if inner else 0}
    return rows


def runs(binary, *args):
    return subprocess.run([binary, *map(str, args)], capture_output=True).returncode == 0


def least_stack(binary, kind, t, n, cap):
    lo, hi = 4096, 64 << 20
    while hi - lo > 4096:
        mid = (lo + hi) // 2 // 4096 * 4096
        lo, hi = (lo, mid) if runs(binary, kind, t, n, cap, mid) else (mid, hi)
    return hi


def main():
    results = {}
    for profile in ("release", "debug"):
        binary = build(profile)
        r = results[profile] = {}
        if profile == "release":
            r["frames"] = release_frames(binary)
        base = least_stack(binary, "none", "f64", 2, 8192)
        r["least stack, less a thread running nothing"] = {
            f"{kind} {t} {n} {cap}": least_stack(binary, kind, t, n, cap) - base
            for kind in KINDS for t, n, cap in SIZES}
        for thread, stack in (("main thread (8 MiB)", None), ("2 MiB thread", 2 << 20)):
            for kind in ("gradient", "gradient_on"):
                r[f"{kind} f64, 2 inputs, on the {thread}: CAP runs"] = {
                    cap: runs(binary, kind, "f64", 2, cap, *([stack] if stack else []))
                    for cap in LIMITS}
        print(profile, json.dumps(r, indent=1), flush=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
