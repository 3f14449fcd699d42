#!/usr/bin/env python3
"""Charts of cost against input count, from benches/results/icount.json (instructions per call
with glibc's memcpy and memset on vector stores, BACKEND_vcopy; log-log): forward-mode
gradients and Hessians, typegrad against num-dual and the tape; and every mode's Rosenbrock
gradient from 2 to 256 inputs, typegrad's against the hand-written one, num-dual's and
ad_trait's forward and reverse modes.

Writes benches/results/chunks_gradient.svg, benches/results/chunks_hessian.svg and
benches/results/modes.svg, plain SVG drawn here with no dependency; BENCHMARKS.md shows them.

    python3 benches/chart.py
"""
import json, math, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "benches", "results")

# (label, workload prefix, backend, colour, dashed)
GRADIENT = [
    ("typegrad gradient (chunks)", "rosenbrock", "forward", "#1f77b4", False),
    ("typegrad, one call", "rosenbrock", "forward_1call", "#1f77b4", True),
    ("num-dual gradient", "rosenbrock", "num-dual", "#d62728", False),
    ("typegrad tape (reused)", "rosenbrock", "tape_on", "#2ca02c", False),
    ("hand-written", "rosenbrock", "hand", "#7f7f7f", False),
    ("typegrad gradient (chunks), sin·exp", "sinexp", "forward", "#9467bd", False),
    ("typegrad, one call, sin·exp", "sinexp", "forward_1call", "#9467bd", True),
    ("num-dual gradient, sin·exp", "sinexp", "num-dual", "#ff7f0e", False),
]
GRADIENT_N = [64, 256, 1024]
HESSIAN = [
    ("typegrad hessian (chunks of ≤ 8)", "hess_rosenbrock", "forward", "#1f77b4", False),
    ("typegrad, one call", "hess_rosenbrock", "forward_1call", "#1f77b4", True),
    ("typegrad tape::hessian", "hess_rosenbrock", "tape", "#2ca02c", False),
    ("num-dual hessian", "hess_rosenbrock", "num-dual", "#d62728", False),
    ("hand-written", "hess_rosenbrock", "hand", "#7f7f7f", False),
    ("typegrad hessian, sin·exp", "hess_sinexp", "forward", "#9467bd", False),
    ("typegrad tape::hessian, sin·exp", "hess_sinexp", "tape", "#17becf", False),
    ("num-dual hessian, sin·exp", "hess_sinexp", "num-dual", "#ff7f0e", False),
]
HESSIAN_N = [16, 64, 100, 256]
# Each mode of taking Rosenbrock's gradient: reverse modes solid, forward modes dashed.
MODES = [
    ("hand-written", "rosenbrock", "hand", "#7f7f7f", False),
    ("typegrad reverse (expressions)", "rosenbrock", "reverse", "#1f77b4", False),
    ("typegrad statement tape", "rosenbrock", "tape_stmt", "#17becf", False),
    ("typegrad tape (per operation)", "rosenbrock", "tape", "#2ca02c", False),
    ("typegrad forward (chunks)", "rosenbrock", "forward", "#1f77b4", True),
    ("num-dual (forward)", "rosenbrock", "num-dual", "#d62728", True),
    ("ad_trait forward (adfn<N>)", "rosenbrock", "ad_trait_fwd", "#ff7f0e", True),
    ("ad_trait reverse (adr)", "rosenbrock", "ad_trait_rev", "#ff7f0e", False),
]
MODES_N = [2, 8, 12, 16, 24, 32, 64, 256]

W, H = 760, 470
LEFT, RIGHT, TOP, BOTTOM = 80, 270, 40, 50


def series(data, spec, ns):
    out = []
    for label, prefix, backend, colour, dashed in spec:
        key = backend + "_vcopy"
        pts = [(n, data[f"{prefix}{n}"][key]) for n in ns if key in data.get(f"{prefix}{n}", {})]
        if pts:
            out.append((label, colour, dashed, pts))
    return out


def svg(title, lines, ns, path):
    xs = [math.log10(n) for n in ns]
    ys = [math.log10(v) for _, _, _, pts in lines for _, v in pts]
    x0, x1 = min(xs) - 0.05, max(xs) + 0.05
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM
    px = lambda n: LEFT + (math.log10(n) - x0) / (x1 - x0) * pw
    py = lambda v: TOP + ph - (math.log10(v) - y0) / (y1 - y0) * ph
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{LEFT}" y="22" font-size="15">{title}</text>',
           f'<rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}" fill="none" stroke="#444"/>']
    for e in range(y0, y1 + 1):
        y = py(10 ** e)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">10^{e}</text>')
    for n in ns:
        x = px(n)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + ph}" stroke="#eee"/>')
        out.append(f'<text x="{x:.1f}" y="{TOP + ph + 16}" text-anchor="middle">{n}</text>')
    out.append(f'<text x="{LEFT + pw / 2}" y="{H - 10}" text-anchor="middle">inputs N (log)</text>')
    out.append(f'<text transform="translate(18,{TOP + ph / 2}) rotate(-90)" '
               f'text-anchor="middle">instructions per call (log)</text>')
    label = lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for i, (name, colour, dashed, pts) in enumerate(lines):
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        d = " ".join(f"{px(n):.1f},{py(v):.1f}" for n, v in pts)
        out.append(f'<polyline points="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        for n, v in pts:
            out.append(f'<circle cx="{px(n):.1f}" cy="{py(v):.1f}" r="3" fill="{colour}"/>')
        ly = TOP + 10 + 20 * i
        lx = LEFT + pw + 14
        out.append(f'<line x1="{lx}" x2="{lx + 24}" y1="{ly}" y2="{ly}" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 30}" y="{ly + 4}">{label(name)}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    data = json.load(open(os.path.join(RESULTS, "icount.json")))
    svg("Gradient: Rosenbrock's function and Σ sin(xᵢ)·exp(xᵢ₊₁)",
        series(data, GRADIENT, GRADIENT_N), GRADIENT_N,
        os.path.join(RESULTS, "chunks_gradient.svg"))
    svg("Hessian: Rosenbrock's function and Σ sin(xᵢ)·exp(xᵢ₊₁)",
        series(data, HESSIAN, HESSIAN_N), HESSIAN_N,
        os.path.join(RESULTS, "chunks_hessian.svg"))
    svg("Gradient of Rosenbrock's function, every mode",
        series(data, MODES, MODES_N), MODES_N, os.path.join(RESULTS, "modes.svg"))


if __name__ == "__main__":
    main()
