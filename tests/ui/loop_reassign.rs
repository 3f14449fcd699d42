// A loop that reassigns an expression of another shape to a variable (the fix: `.eval()`).
use typegrad::reverse::{Expr, vars};

fn main() {
    let (a, b) = vars!((0.5_f64, 2.0));
    let mut s = a;
    for _ in 0..3 {
        s = (s * a + b).sin(); //~ ERROR E0308]: mismatched types
    }
    let _ = s.gradient();
}
