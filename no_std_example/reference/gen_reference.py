#!/usr/bin/env python3
"""Writes src/reference.rs: the firmware's inputs and the values it must reproduce.

Every input is rounded to f32 first (the firmware computes in f32), then each reference
value is computed from those exact inputs in f64, with closed-form derivatives written
out by hand, and rounded to the nearest f32 only when printed.

    python3 reference/gen_reference.py | rustfmt --edition 2024 > src/reference.rs
"""

import math
import struct


def f32(v):
    """v rounded to the nearest f32, as a Python float."""
    return struct.unpack("<f", struct.pack("<f", v))[0]


def lit(v):
    """The shortest Rust literal that reads back as f32(v)."""
    r = f32(v)
    for digits in range(1, 18):
        s = "%.*g" % (digits, r)
        if f32(float(s)) == r:
            break
    return repr(float(s))  # positional where Python would be: 1000.0, not 1e+03


def rs(v):
    """A Rust expression for a number, an array or an array of arrays."""
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(rs(x) for x in v) + "]"
    return lit(v)


def const(name, v, doc):
    ty = "f32"
    shape = v
    dims = []
    while isinstance(shape, (list, tuple)):
        dims.append(len(shape))
        shape = shape[0]
    for n in reversed(dims):
        ty = "[%s; %d]" % (ty, n)
    return "/// %s\npub const %s: %s = %s;\n" % (doc, name, ty, rs(v))


def tutorial():
    out = []
    x, y, z = f32(1.0), f32(2.0), f32(3.0)
    out.append(const("LINEAR_AT", [x, y, z], "Example 1, `(2x + y)·z`: the point (x, y, z)."))
    out.append(const("LINEAR_VALUE", (2 * x + y) * z, "Its value."))
    out.append(const("LINEAR_GRAD", [2 * z, z, 2 * x + y], "Its gradient `(2z, z, 2x + y)`."))

    x = f32(1000.0)
    s, c, e = math.sin(x), math.cos(x), math.exp(math.sin(x))
    out.append(const("WAVE_AT", x, "Example 2, `10·exp(sin x) + cos²x`: the point x."))
    out.append(const("WAVE_VALUE", 10 * e + c * c, "Its value."))
    out.append(const("WAVE_DERIV", 10 * e * c - 2 * s * c, "Its derivative `10·exp(sin x)·cos x − 2 sin x cos x`."))

    x, y = f32(2.0), f32(3.0)
    s, c, e = math.sin(x), math.cos(x), math.exp(math.sin(x))
    out.append(const("WAVE_CUBED_AT", [x, y], "Example 3, `y³·10·exp(sin x) + cos²x`: the point (x, y)."))
    out.append(const("WAVE_CUBED_VALUE", y**3 * 10 * e + c * c, "Its value."))
    out.append(const(
        "WAVE_CUBED_GRAD",
        [y**3 * 10 * e * c - 2 * s * c, 3 * y**2 * 10 * e],
        "Its gradient `(y³·10·exp(sin x)·cos x − 2 sin x cos x, 3y²·10·exp(sin x))`.",
    ))
    return out


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def ekf():
    out = []
    pose = [f32(v) for v in (2.0, 1.0, 0.5)]
    beacon = [f32(v) for v in (10.0, 7.0)]
    p = [[f32(v) for v in row] for row in ([0.25, 0.05, 0.0], [0.05, 0.25, 0.0], [0.0, 0.0, 0.04])]
    r = [[f32(v) for v in row] for row in ([0.09, 0.0], [0.0, 0.0025])]
    z = [f32(v) for v in (10.3, 0.12)]
    out.append(const("POSE", pose, "The pose estimate (x, y, θ) before the update, in m, m, rad."))
    out.append(const("COV", p, "Its covariance P."))
    out.append(const("BEACON", beacon, "The beacon's known position (m)."))
    out.append(const("NOISE", r, "The measurement noise covariance R (range, bearing)."))
    out.append(const("MEASURED", z, "The measured range (m) and bearing (rad)."))

    dx, dy = beacon[0] - pose[0], beacon[1] - pose[1]
    rng = math.hypot(dx, dy)
    h = [rng, math.atan2(dy, dx) - pose[2]]
    jac = [[-dx / rng, -dy / rng, 0.0], [dy / rng**2, -dx / rng**2, -1.0]]
    innov = [z[0] - h[0], z[1] - h[1]]
    innov[1] = math.atan2(math.sin(innov[1]), math.cos(innov[1]))
    s = matmul(matmul(jac, p), transpose(jac))
    s = [[s[i][j] + r[i][j] for j in range(2)] for i in range(2)]
    det = s[0][0] * s[1][1] - s[0][1] * s[1][0]
    s_inv = [[s[1][1] / det, -s[0][1] / det], [-s[1][0] / det, s[0][0] / det]]
    gain = matmul(matmul(p, transpose(jac)), s_inv)
    pose_new = [pose[i] + gain[i][0] * innov[0] + gain[i][1] * innov[1] for i in range(3)]
    kh = matmul(gain, jac)
    i_kh = [[(1.0 if i == j else 0.0) - kh[i][j] for j in range(3)] for i in range(3)]
    p_new = matmul(i_kh, p)
    out.append(const("PREDICTED", h, "The predicted measurement h(pose): range and bearing."))
    out.append(const("JACOBIAN", jac, "H = ∂h/∂pose, in closed form."))
    out.append(const("INNOVATION", innov, "z − h(pose), the bearing wrapped to (−π, π]."))
    out.append(const("INNOVATION_COV", s, "S = H P Hᵀ + R."))
    out.append(const("GAIN", gain, "K = P Hᵀ S⁻¹."))
    out.append(const("POSE_NEW", pose_new, "The updated pose, pose + K (z − h)."))
    out.append(const("COV_NEW", p_new, "The updated covariance, (I − K H) P."))
    return out


def main():
    print("//! The firmware's inputs and reference values. Generated, do not edit:")
    print("//! `python3 reference/gen_reference.py | rustfmt --edition 2024 > src/reference.rs`.")
    print("//! Each value is computed in f64 from the f32 inputs, then rounded to f32.")
    print()
    print("".join(tutorial()))
    print('/// The EKF measurement update (feature `ekf`).')
    print('#[cfg(feature = "ekf")]')
    print("pub mod ekf {")
    print("".join(ekf()))
    print("}")


main()
