// A bind nested in another bind's body, on an expression not built from the outer placeholder,
// would share its scratch slot.
use typegrad::reverse::{Expr, vars};

fn main() {
    let (x, y) = vars!((0.5_f64, 2.0));
    let e = (x * y).bind(|a| (x + y).bind(|b| b * a)); //~ ERROR E0277]: a `bind` nested in this `bind`'s body takes the same scratch slot as its placeholder
    let _ = e.value();
}
