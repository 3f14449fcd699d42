//! The Black–Scholes price of a European call and its sensitivities: the gradient over
//! `(S, σ, r, T)` is (delta, vega, rho, −theta).

use typegrad::reverse::{self, Expr};

use crate::Real;
use crate::backends::Scalar;

/// The strike.
const K: f64 = 100.0;

/// The call price `S·Φ(d₁) − K·e^(−rT)·Φ(d₂)`, with `Φ(x) = erfc(−x/√2)/2`.
pub struct BlackScholes;

impl Scalar<4> for BlackScholes {
    #[inline(always)]
    fn f<T: Real>(&self, [s, sigma, r, t]: [T; 4]) -> T {
        let v = sigma * t.sqrt();
        let d1 = ((s / K).ln() + (r + sigma * sigma * 0.5) * t) / v;
        let d2 = d1 - v;
        s * ncdf(d1) - (-(r * t)).exp() * K * ncdf(d2)
    }
}

/// The standard normal distribution function.
#[inline(always)]
fn ncdf<T: Real>(x: T) -> T {
    (x * -core::f64::consts::FRAC_1_SQRT_2).erfc() * 0.5
}

/// The point: at the money, a year, 20 % volatility, 5 % rate.
pub const POINT: [f64; 4] = [105.0, 0.2, 0.05, 1.0];

/// By hand: the forward pass node by node, then the adjoints (not the textbook closed-form
/// Greeks, which use the identity `S·φ(d₁) = K·e^(−rT)·φ(d₂)` that no AD tool knows).
#[inline(never)]
pub fn hand([s, sigma, r, t]: [f64; 4]) -> (f64, [f64; 4]) {
    use core::f64::consts::{FRAC_1_SQRT_2, FRAC_2_SQRT_PI};
    let st = t.sqrt();
    let v = sigma * st;
    let l = (s / K).ln();
    let w = r + sigma * sigma * 0.5;
    let d1 = (l + w * t) / v;
    let d2 = d1 - v;
    let a1 = d1 * -FRAC_1_SQRT_2;
    let a2 = d2 * -FRAC_1_SQRT_2;
    let n1 = libm::erfc(a1) * 0.5;
    let n2 = libm::erfc(a2) * 0.5;
    let disc = (-(r * t)).exp();
    let kd = disc * K;
    let f = s * n1 - kd * n2;
    // Adjoints (f̄ = 1).
    let s_bar0 = n1;
    let n1_bar = s;
    let kd_bar = -n2;
    let n2_bar = -kd;
    let disc_bar = kd_bar * K;
    let rt_bar = -disc_bar * disc; // of r·t
    let a1_bar = n1_bar * 0.5 * -FRAC_2_SQRT_PI * (-a1 * a1).exp();
    let a2_bar = n2_bar * 0.5 * -FRAC_2_SQRT_PI * (-a2 * a2).exp();
    let d2_bar = a2_bar * -FRAC_1_SQRT_2;
    let d1_bar = a1_bar * -FRAC_1_SQRT_2 + d2_bar;
    let num_bar = d1_bar / v; // of l + w·t
    let v_bar = -d1_bar * d1 / v - d2_bar;
    let w_bar = num_bar * t;
    let s_bar = s_bar0 + num_bar / s;
    let sigma_bar = v_bar * st + w_bar * sigma;
    let r_bar = w_bar + rt_bar * t;
    let t_bar = num_bar * w + v_bar * sigma * 0.5 / st + rt_bar * r;
    (f, [s_bar, sigma_bar, r_bar, t_bar])
}

/// typegrad reverse mode, with `bind` to share `σ√T` and `d₁`.
#[inline(never)]
pub fn reverse(x: [f64; 4]) -> (f64, [f64; 4]) {
    reverse::gradient(
        |(s, sigma, r, t)| {
            (sigma * t.sqrt()).bind(|v| {
                (((s / K).ln() + (r + sigma * sigma * 0.5) * t) / v).bind(|d1| {
                    s * (d1 * -core::f64::consts::FRAC_1_SQRT_2).erfc() * 0.5
                        - (-(r * t)).exp()
                            * K
                            * ((d1 - v) * -core::f64::consts::FRAC_1_SQRT_2).erfc()
                            * 0.5
                })
            })
        },
        (x[0], x[1], x[2], x[3]),
    )
}
