// f64 and f32 variables in one expression.
use typegrad::reverse::{Expr, vars};

fn main() {
    vars!(let (x,) = (4.0_f64,));
    vars!(let (y,) = (2.0_f32,));
    let _ = x.atan2(y); //~ ERROR E0271]: type mismatch resolving
}
