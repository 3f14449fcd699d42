// A bind placeholder moved out of its body.
use typegrad::reverse::{Expr, vars};

fn main() {
    let (x, y) = vars!((2.0_f64, 0.25));
    let mut out = None;
    let _inner = (x * y).bind(|a| {
        out = Some(a);
        a.sin()
    });
    let bad = out.unwrap() * x;
    let _ = bad.gradient(); //~ ERROR E0277]: this expression uses a `bind` placeholder outside its body
}
