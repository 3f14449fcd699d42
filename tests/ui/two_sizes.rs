// Two sets of different sizes, through an operator, a binary method, `mul_add` and a bind body.
use typegrad::reverse::{Expr, vars};

fn main() {
    let (x, y) = vars!((1.0_f64, 2.0));
    let (z,) = vars!((3.0_f64,));
    let _ = x * y + z; //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
    let _ = x.powf(z); //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
    let _ = x.mul_add(2.0, z); //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
    let _ = (x * y).bind(|s| s * z); //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
}
