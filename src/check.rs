//! A finite-difference checker for derivatives, as `gradcheck` and `check_grads` are for
//! other frameworks: it needs nothing but the plain function.
//!
//! Each partial is estimated by central differences at three steps, `h`, `h/2` and `h/4`
//! with `h = ε^(1/5) · max(|xᵢ|, 1)` for input `i` (`ε` the type's machine epsilon),
//! combined by two levels of Richardson extrapolation (sixth order). If a step leaves the
//! function's domain (a NaN or infinity where the value itself is finite), the steps shrink
//! by 8× up to ten times. The report gives the worst error relative to
//! `max(|analytic|, |numeric|, 1)`.
//!
//! ```
//! use typegrad::check::check_gradient;
//! use typegrad::reverse::{self, Expr};
//! // A reverse-mode gradient, checked against the plain function.
//! let (_, g) = reverse::gradient(|(x, y)| (x * y).sin() + y.sqrt(), (0.4_f64, 2.0));
//! let report = check_gradient(|[x, y]: [f64; 2]| (x * y).sin() + y.sqrt(), [0.4, 2.0], g);
//! assert!(report.passes(1e-9), "{report:?}");
//! ```

use num_traits::Float;

/// The worst disagreement between a derivative and its finite-difference estimate.
///
/// ```
/// use typegrad::check::check_derivative;
/// let r = check_derivative(|x: f64| x.sin(), 1.0, 1.0_f64.cos());
/// assert!(r.passes(1e-9), "{r:?}");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Report<T> {
    /// The worst relative error, `|a − n| / max(|a|, |n|, 1)`; NaN if either side is NaN.
    pub error: T,
    /// The input at which it occurs.
    pub index: usize,
    /// The derivative under test there.
    pub analytic: T,
    /// The finite-difference estimate there.
    pub numeric: T,
}

impl<T: Float> Report<T> {
    /// Whether the worst error is at most `tol` (a NaN error never passes).
    ///
    /// ```
    /// use typegrad::check::check_derivative;
    /// let wrong = check_derivative(|x: f64| x * x, 3.0, 5.0);
    /// assert!(!wrong.passes(1e-3));
    /// ```
    pub fn passes(&self, tol: T) -> bool {
        self.error <= tol
    }
}

/// The finite-difference estimate of `f'(x)`.
///
/// ```
/// use typegrad::check::numeric_derivative;
/// let d = numeric_derivative(|x: f64| x.exp(), 0.0);
/// assert!((d - 1.0).abs() < 1e-10);
/// ```
pub fn numeric_derivative<T: Float>(f: impl Fn(T) -> T, x: T) -> T {
    let fx = f(x);
    let two = T::one() + T::one();
    let fifth = T::one() / (two + two + T::one());
    // Steps h, h/2 and h/4 with h = ε^(1/5)·max(|x|, 1): rounding stays near ε^(4/5), and
    // two levels of extrapolation leave a truncation error of order h⁶.
    let mut h = T::epsilon().powf(fifth) * x.abs().max(T::one());
    let mut estimate = T::nan();
    for _ in 0..10 {
        // Steps that x ± s represents exactly.
        let [s1, s2, s4] = [h, h / two, h / (two * two)].map(|s| (x + s) - x);
        let mut left_domain = false;
        let [d1, d2, d4] = [s1, s2, s4].map(|s| {
            let (a, b) = (f(x + s), f(x - s));
            left_domain |= !(a.is_finite() && b.is_finite());
            (a - b) / (s + s)
        });
        // A central difference at step s is f' + c₁s² + c₂s⁴ + …; each level removes a term.
        let (q1, q2, q4) = (s1 * s1, s2 * s2, s4 * s4);
        let e12 = eliminate(d1, q1, d2, q2);
        let e24 = eliminate(d2, q2, d4, q4);
        estimate = eliminate(e12, q1 * q2, e24, q2 * q4);
        if !left_domain || !fx.is_finite() {
            break;
        }
        h = h / (two * two * two);
    }
    estimate
}

/// Given estimates `a = f' + k·p` and `b = f' + k·q` (`p ≠ q`), the `f'` without the `k` term.
fn eliminate<T: Float>(a: T, p: T, b: T, q: T) -> T {
    b + (b - a) * q / (p - q)
}

/// The finite-difference estimate of the gradient of `f` at `x`.
///
/// ```
/// use typegrad::check::numeric_gradient;
/// let g = numeric_gradient(|[x, y]: [f64; 2]| x * y, [2.0, 3.0]);
/// assert!((g[0] - 3.0).abs() < 1e-10 && (g[1] - 2.0).abs() < 1e-10);
/// ```
pub fn numeric_gradient<T: Float, const N: usize>(f: impl Fn([T; N]) -> T, x: [T; N]) -> [T; N] {
    let mut g = x;
    for (i, gi) in g.iter_mut().enumerate() {
        *gi = numeric_derivative(
            |xi| {
                let mut p = x;
                p[i] = xi;
                f(p)
            },
            x[i],
        );
    }
    g
}

fn relative<T: Float>(a: T, n: T) -> T {
    (a - n).abs() / a.abs().max(n.abs()).max(T::one())
}

/// Compares a derivative `d` of `f` at `x` with its finite-difference estimate.
///
/// ```
/// use typegrad::check::check_derivative;
/// use typegrad::{derivative, Float};
/// fn f<T: Float>(x: T) -> T {
///     x.powf(T::from(2.5).unwrap())
/// }
/// let (_, d) = derivative(f, 1.7_f64);
/// assert!(check_derivative(f, 1.7, d).passes(1e-9));
/// ```
pub fn check_derivative<T: Float>(f: impl Fn(T) -> T, x: T, d: T) -> Report<T> {
    let n = numeric_derivative(f, x);
    Report {
        error: relative(d, n),
        index: 0,
        analytic: d,
        numeric: n,
    }
}

/// Compares a gradient `g` of `f` at `x` with its finite-difference estimate, input by
/// input, and reports the worst.
///
/// ```
/// use typegrad::check::check_gradient;
/// use typegrad::{gradient, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x.atan2(y) * y.exp()
/// }
/// let (_, g) = gradient(f, [0.3, 1.2]);
/// assert!(check_gradient(f, [0.3, 1.2], g).passes(1e-9));
/// ```
pub fn check_gradient<T: Float, const N: usize>(
    f: impl Fn([T; N]) -> T,
    x: [T; N],
    g: [T; N],
) -> Report<T> {
    let n = numeric_gradient(f, x);
    let mut worst = Report {
        error: T::zero(),
        index: 0,
        analytic: T::zero(),
        numeric: T::zero(),
    };
    for (i, (&a, &ni)) in g.iter().zip(n.iter()).enumerate() {
        let e = relative(a, ni);
        if e.is_nan() || e > worst.error {
            worst = Report {
                error: e,
                index: i,
                analytic: a,
                numeric: ni,
            };
            if e.is_nan() {
                break;
            }
        }
    }
    worst
}
