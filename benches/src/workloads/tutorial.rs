//! The reference tutorial's three functions.

use typegrad::reverse::{self, Expr};

use crate::Real;
use crate::backends::Scalar;

/// Example 1: `f(x, y, z) = (2x + y)·z`.
pub struct F1;

impl Scalar<3> for F1 {
    #[inline(always)]
    fn f<T: Real>(&self, [x, y, z]: [T; 3]) -> T {
        (x * 2.0 + y) * z
    }
}

/// Example 1 by hand: the forward pass, then each node's adjoint from the output back.
#[inline(never)]
pub fn f1_hand([x, y, z]: [f64; 3]) -> (f64, [f64; 3]) {
    let q = x * 2.0 + y; // node 1
    let f = q * z; // node 2
    let (q_bar, z_bar) = (z, q); // node 2's inputs (f̄ = 1)
    let (x_bar, y_bar) = (2.0 * q_bar, q_bar); // node 1's inputs
    (f, [x_bar, y_bar, z_bar])
}

/// Example 1 in typegrad's reverse mode.
#[inline(never)]
pub fn f1_reverse([x, y, z]: [f64; 3]) -> (f64, [f64; 3]) {
    reverse::gradient(|(x, y, z)| (x * 2.0 + y) * z, (x, y, z))
}

/// Example 2: `f(x) = 10·exp(sin x) + cos²x`.
pub struct F2;

impl Scalar<1> for F2 {
    #[inline(always)]
    fn f<T: Real>(&self, [x]: [T; 1]) -> T {
        x.sin().exp() * 10.0 + x.cos().powi(2)
    }
}

/// Example 2 by hand.
#[inline(never)]
pub fn f2_hand([x]: [f64; 1]) -> (f64, [f64; 1]) {
    let (a, b) = x.sin_cos(); // nodes 1 and 2
    let d = a.exp(); // node 3
    let c = b * b; // node 4
    let f = d * 10.0 + c; // node 5
    let (d_bar, c_bar) = (10.0, 1.0); // node 5's inputs
    let a_bar = d * d_bar; // node 3's input
    let b_bar = 2.0 * b * c_bar; // node 4's input
    let x_bar = b * a_bar - a * b_bar; // nodes 1 and 2
    (f, [x_bar])
}

/// Example 2 in typegrad's reverse mode.
#[inline(never)]
pub fn f2_reverse([x]: [f64; 1]) -> (f64, [f64; 1]) {
    reverse::gradient(|(x,)| x.sin().exp() * 10.0 + x.cos().powi(2), (x,))
}

/// Example 3: `f(x, y) = y³·10·exp(sin x) + cos²x`.
pub struct F3;

impl Scalar<2> for F3 {
    #[inline(always)]
    fn f<T: Real>(&self, [x, y]: [T; 2]) -> T {
        y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2)
    }
}

/// Example 3 by hand.
#[inline(never)]
pub fn f3_hand([x, y]: [f64; 2]) -> (f64, [f64; 2]) {
    let (s, c) = x.sin_cos();
    let y2 = y * y;
    let y3 = y2 * y; // y³
    let p = y3 * 10.0; // 10·y³
    let e = s.exp(); // exp(sin x)
    let q = p * e;
    let f = q + c * c;
    // Adjoints, output back: q̄ = 1, (c²)‾ = 1.
    let p_bar = e;
    let e_bar = p;
    let s_bar = e_bar * e;
    let c_bar = 2.0 * c;
    let x_bar = c * s_bar - s * c_bar;
    let y_bar = p_bar * 10.0 * 3.0 * y2;
    (f, [x_bar, y_bar])
}

/// Example 3 in typegrad's reverse mode.
#[inline(never)]
pub fn f3_reverse([x, y]: [f64; 2]) -> (f64, [f64; 2]) {
    reverse::gradient(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (x, y),
    )
}
