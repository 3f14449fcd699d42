//! Reverse mode: expressions as nested types, through `typegrad::reverse::gradient`.
//!
//! The formulas take `sin` and `cos` of `x` from one `sin_cos` call: with `libm` the
//! compiler does not merge separate `sin` and `cos` calls, and `sincos` shares their range
//! reduction.

use typegrad::reverse::{self, Expr};

use crate::tutorial::Mode;

/// The tutorial's functions as reverse-mode expressions.
pub struct Reverse;

impl Mode for Reverse {
    const NAME: &'static str = "reverse mode, at the tutorial's points (f32)";

    fn linear([x, y, z]: [f32; 3]) -> (f32, [f32; 3]) {
        reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (x, y, z))
    }

    fn wave(x: f32) -> (f32, f32) {
        let (v, [d]) = reverse::gradient(
            |(x,)| {
                let (s, c) = x.sin_cos();
                10.0 * s.exp() + c.powi(2)
            },
            (x,),
        );
        (v, d)
    }

    fn wave_cubed([x, y]: [f32; 2]) -> (f32, [f32; 2]) {
        reverse::gradient(
            |(x, y)| {
                let (s, c) = x.sin_cos();
                y.powi(3) * 10.0 * s.exp() + c.powi(2)
            },
            (x, y),
        )
    }
}
