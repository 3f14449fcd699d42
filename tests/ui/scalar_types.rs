// f64 and f32 variables in one expression.
use typegrad::reverse::{Expr, vars};

fn main() {
    let (x,) = vars!((4.0_f64,));
    let (y,) = vars!((2.0_f32,));
    let _ = x.atan2(y); //~ ERROR E0271]: type mismatch resolving
}
