//! Reverse mode: expressions as nested types, through `typegrad::reverse::gradient`.

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
        let (v, [d]) = reverse::gradient(|(x,)| 10.0 * x.sin().exp() + x.cos().powi(2), (x,));
        (v, d)
    }

    fn wave_cubed([x, y]: [f32; 2]) -> (f32, [f32; 2]) {
        reverse::gradient(
            |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
            (x, y),
        )
    }
}
