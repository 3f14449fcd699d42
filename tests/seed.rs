//! The three worked examples of the tutorial typegrad started from, against the values
//! its own code (numpy and autograd) prints, and against their closed forms.

use typegrad::{Float, derivative, grad, gradient};

/// Units in the last place between two finite `f64` of the same sign.
fn ulps(a: f64, b: f64) -> u64 {
    assert!(a.is_finite() && b.is_finite() && a.is_sign_negative() == b.is_sign_negative());
    a.to_bits().abs_diff(b.to_bits())
}

/// `a` within `eps` of `b` relative to `|b|`, for the `f32` versions.
fn close(a: f32, b: f64, eps: f64) -> bool {
    (f64::from(a) - b).abs() <= eps * b.abs()
}

/// The `f32` tolerance: a correctly rounded result is within half an `f32` epsilon of the
/// `f64` reference; the measured worst is 0.88 (the x-partial of example 3).
const F32_TOL: f64 = 2.0 * f32::EPSILON as f64;

/// Example 1: `f(x, y, z) = (2x + y)·z`.
fn f1<T: Float>([x, y, z]: [T; 3]) -> T {
    (T::from(2.0).unwrap() * x + y) * z
}

/// Example 2: `f(x) = 10·exp(sin x) + cos²x`.
fn f2<T: Float>(x: T) -> T {
    T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

/// Example 3: `f(x, y) = y³·10·exp(sin x) + cos²x`.
fn f3<T: Float>([x, y]: [T; 2]) -> T {
    y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

#[test]
fn example_1_is_exact() {
    assert_eq!(gradient(f1, [1.0, 2.0, 3.0_f64]), (12.0, [6.0, 3.0, 4.0]));
    assert_eq!(grad(f1)([1.0, 2.0, 3.0_f64]), [6.0, 3.0, 4.0]);
    assert_eq!(gradient(f1, [1.0, 2.0, 3.0_f32]), (12.0, [6.0, 3.0, 4.0]));
    assert_eq!(grad(f1)([1.0, 2.0, 3.0_f32]), [6.0, 3.0, 4.0]);
}

/// The tutorial's value and derivative of example 2 at `x = 1000`.
const EX2: (f64, f64) = (23.178007083571295, 11.926922952255469);

#[test]
fn example_2_by_hand_is_exact() {
    // The tutorial's backprop, node by node, in plain f64.
    let x = 1000.0_f64;
    let (a, b) = (x.sin(), x.cos()); // node 1
    let c = b * b; // node 3
    let d = a.exp(); // node 4
    let f = 10.0 * d + c; // node 5
    let (d_bar, c_bar) = (10.0, 1.0);
    let a_bar = a.exp() * d_bar; // node 4's input
    let b_bar = 2.0 * b * c_bar; // node 3's input
    let x_bar = x.cos() * a_bar - x.sin() * b_bar; // nodes 1 and 2
    assert_eq!((f, x_bar), EX2);
}

#[test]
fn example_2_forward() {
    let (v, d) = derivative(f2, 1000.0_f64);
    // Forward mode multiplies the chain-rule factors in another order than the
    // hand-written pass: its derivative is 1 ulp from the tutorial's (measured).
    assert!(ulps(v, EX2.0) <= 1, "{v:?}");
    assert!(ulps(d, EX2.1) <= 2, "{d:?}");
    #[cfg(feature = "std")]
    assert_eq!((v, d), (EX2.0, 11.926922952255467));
    // The closed form cos x · 10·exp(sin x) − 2 sin x cos x.
    let x = 1000.0_f64;
    let closed = x.cos() * 10.0 * x.sin().exp() - 2.0 * x.sin() * x.cos();
    assert!(ulps(d, closed) <= 2, "{d:?} vs {closed:?}");

    let (v, d) = derivative(f2, 1000.0_f32);
    assert!(
        close(v, EX2.0, F32_TOL) && close(d, EX2.1, F32_TOL),
        "{v} {d}"
    );
}

#[test]
fn example_3_forward() {
    // autograd's values. numpy's exp and sin differ from glibc's (Rust's std, Python's
    // math) in the last bit: the value is 1 ulp away, the partials 1 and 2 ulps
    // (measured); 3 ulps is a relative 5e-16 here.
    let (value, partials) = (670.4691647536182, [-278.1847518635674, 670.29598656405]);
    let (v, g) = gradient(f3, [2.0, 3.0_f64]);
    assert!(ulps(v, value) <= 3, "{v:?}");
    assert!(
        ulps(g[0], partials[0]) <= 3 && ulps(g[1], partials[1]) <= 3,
        "{g:?}"
    );
    assert_eq!(grad(f3)([2.0, 3.0_f64]), g);
    #[cfg(feature = "std")]
    assert_eq!(v, 670.4691647536183); // glibc's value
    // The closed forms (equal to the bit here; 2 ulps allowed for another order).
    let (x, y) = (2.0_f64, 3.0_f64);
    let dx = y.powi(3) * 10.0 * x.sin().exp() * x.cos() - 2.0 * x.sin() * x.cos();
    let dy = 3.0 * y.powi(2) * 10.0 * x.sin().exp();
    assert!(
        ulps(g[0], dx) <= 2 && ulps(g[1], dy) <= 2,
        "{g:?} vs {:?}",
        [dx, dy]
    );

    let (v, g) = gradient(f3, [2.0, 3.0_f32]);
    assert!(close(v, value, F32_TOL), "{v}");
    assert!(
        close(g[0], partials[0], F32_TOL) && close(g[1], partials[1], F32_TOL),
        "{g:?}"
    );
}
