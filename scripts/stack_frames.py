#!/usr/bin/env python3
"""Stack frames of forward mode's entry points, read from the machine code with objdump.

Writes a small crate under target/stack_frames whose `main` calls one entry point in a branch
that never runs (a gradient of 1,000 inputs, a Hessian of 100, a Jacobian of 200 by 200, a
`jvp` of 1,000, a `tape::hessian` of 100), builds it in debug and release, and prints the bytes
each prologue reserves (`sub $N,%rsp`, and `sub $N,%r11` before a stack-probe loop): `main`'s
frame, and the largest frame of the typegrad functions it calls.

    python3 scripts/stack_frames.py            # this checkout
    python3 scripts/stack_frames.py b67a2c2    # typegrad at a git revision (before chunking:
                                               # jvp, jacobian and the rest only)
"""
import os, re, shutil, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "stack_frames")

PRELUDE = """#![allow(dead_code)]
use typegrad::*;
fn rosenbrock<T: Float, const N: usize>(x: [T; N]) -> T {
    let c = T::from(100.0).unwrap();
    (0..N - 1).fold(T::zero(), |s, i| {
        s + c * (x[i + 1] - x[i].powi(2)).powi(2) + (T::one() - x[i]).powi(2)
    })
}
fn shift<T: Float>(x: [T; 200]) -> [T; 200] {
    core::array::from_fn(|i| x[i] * x[(i + 1) % 200] - x[(i + 2) % 200])
}
"""

# name: (the call, what to print; needs a typegrad with tape::hessian)
CASES = {
    "gradient_1000": ("gradient(rosenbrock, [0.5_f64; 1000])", "r.1[3]", False),
    "hessian_100": ("hessian(rosenbrock, [0.5_f64; 100])", "r.2[3][4]", False),
    "jacobian_200": ("jacobian(shift, [0.5_f64; 200])", "r.1[3][4]", False),
    "jvp_1000": ("jvp(rosenbrock, [0.5_f64; 1000], [1.0; 1000])", "r.1", False),
    "tape_hessian_100": ("tape::hessian::<_, 396>(|x| rosenbrock(x), [0.5_f64; 100]).unwrap()",
                         "r.2[3][4]", True),
}


def frames(binary, pattern):
    """The bytes each function matching `pattern` reserves in its prologue."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", binary], capture_output=True,
                         text=True, check=True).stdout
    result, name, lines, total, probe = {}, None, 0, 0, False
    for line in out.splitlines() + ["0 <end>:"]:
        m = re.match(r"^[0-9a-f]+ <(.*)>:$", line)
        if m:
            if name and re.search(pattern, name):
                result[name] = max(result.get(name, 0), total)
            name, lines, total, probe = m.group(1), 0, 0, False
            continue
        lines += 1
        if name is None or lines > 40:
            continue
        m = re.search(r"sub\s+\$0x([0-9a-f]+),%(r11|rsp)", line)
        if m:
            if m.group(2) == "r11":
                probe = True
                total += int(m.group(1), 16)
            elif not (probe and m.group(1) == "1000"):
                total += int(m.group(1), 16)
    return result


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "src", "bin"))
    lib = ROOT
    if rev:
        lib = os.path.join(ROOT, "target", "stack_frames_rev")  # a workspace of its own
        shutil.rmtree(lib, ignore_errors=True)
        os.makedirs(lib)
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", lib], input=archive, check=True)
    with open(os.path.join(WORK, "Cargo.toml"), "w") as f:
        f.write(f'[package]\nname = "frames"\nversion = "0.0.0"\nedition = "2024"\n\n'
                f'[dependencies]\ntypegrad = {{ path = "{lib}" }}\n\n[workspace]\n')
    cases = {k: v for k, v in CASES.items()
             if not v[2] or os.path.exists(os.path.join(lib, "src", "tape", "hessian.rs"))}
    for name, (call, show, _) in cases.items():
        with open(os.path.join(WORK, "src", "bin", f"{name}.rs"), "w") as f:
            f.write(PRELUDE + "fn main() {\n    println!(\"start\");\n"
                    "    if std::env::args().count() == 7 {\n"
                    f"        let r = {call};\n        println!(\"{{}}\", {show});\n    }}\n}}\n")
    print(f"{'case':18} {'profile':8} {'main':>12} {'largest typegrad frame':>24}")
    for profile in ("debug", "release"):
        flags = ["--release"] if profile == "release" else []
        subprocess.run(["cargo", "build", "-q", "--bins", *flags], cwd=WORK, check=True)
        for name in cases:
            binary = os.path.join(WORK, "target", profile, name)
            mains = frames(binary, rf"{name}4main")
            ours = frames(binary, r"typegrad")
            print(f"{name:18} {profile:8} {max(mains.values()):>12,} "
                  f"{max(ours.values(), default=0):>24,}")


if __name__ == "__main__":
    main()
