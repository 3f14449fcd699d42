//! NIST StRD's Rat43 (Ratkowsky 1983), the problem Ceres' examples fit: residuals
//! `rᵢ = yᵢ − b₁ / (1 + e^(b₂ − b₃·xᵢ))^(1/b₄)` over 15 observations and their 15 × 4
//! Jacobian.

use typegrad::reverse::{self, Expr};

use crate::Real;
use crate::backends::Vector;

/// The observations (`x = 1, …, 15`).
const Y: [f64; 15] = [
    16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93, 699.56,
    689.96, 637.56, 717.41,
];

/// The residual vector.
pub struct Rat43;

impl Vector<4, 15> for Rat43 {
    #[inline(always)]
    fn f<T: Real>(&self, [b1, b2, b3, b4]: [T; 4]) -> [T; 15] {
        core::array::from_fn(|i| {
            let x = (i + 1) as f64;
            -(b1 / ((b2 - b3 * x).exp() + 1.0).powf(b4.recip())) + Y[i]
        })
    }
}

/// The point: NIST's certified values, rounded.
pub const POINT: [f64; 4] = [699.6, 5.277, 0.7596, 1.279];

/// The residuals and Jacobian.
pub type Jac = ([f64; 15], [[f64; 4]; 15]);

/// By hand: each residual's forward pass, then its adjoints (r̄ = 1).
#[inline(never)]
pub fn hand([b1, b2, b3, b4]: [f64; 4]) -> Jac {
    let mut r = [0.0; 15];
    let mut j = [[0.0; 4]; 15];
    for i in 0..15 {
        let x = (i + 1) as f64;
        let e = (b2 - b3 * x).exp();
        let u = e + 1.0;
        let q = b4.recip();
        let p = u.powf(q);
        let m = b1 / p;
        r[i] = Y[i] - m;
        // m̄ = −1; m = b₁/p; p = u^q; q = 1/b₄; u = e + 1; e = exp(b₂ − b₃x).
        let b1_bar = -1.0 / p;
        let p_bar = m / p;
        let u_bar = p_bar * q * p / u;
        let q_bar = p_bar * p * u.ln();
        let b4_bar = -q_bar * q * q;
        let z_bar = u_bar * e;
        j[i] = [b1_bar, z_bar, -z_bar * x, b4_bar];
    }
    (r, j)
}

/// typegrad reverse mode: one reverse pass per residual.
#[inline(never)]
pub fn reverse(b: [f64; 4]) -> Jac {
    let mut r = [0.0; 15];
    let mut j = [[0.0; 4]; 15];
    for i in 0..15 {
        let x = (i + 1) as f64;
        (r[i], j[i]) = reverse::gradient(
            |(b1, b2, b3, b4)| -(b1 / ((b2 - b3 * x).exp() + 1.0).powf(b4.recip())) + Y[i],
            (b[0], b[1], b[2], b[3]),
        );
    }
    (r, j)
}
