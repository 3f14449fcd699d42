// Two sets of variables of the same size in one expression.
use typegrad::reverse::{Expr, vars};

fn main() {
    let (x, y) = vars!((1.0_f64, 2.0));
    let (a, b) = vars!((3.0_f64, 4.0));
    let e = x * a + y * b; //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
    let _ = e.gradient();
}
