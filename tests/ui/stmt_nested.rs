// A leaf of one statement used in another (nested) statement.
use typegrad::reverse::Expr;
use typegrad::tape::{self, stmt};

fn main() {
    let _ = tape::gradient::<_, 8>(
        |[x, y]| stmt!(a = x => stmt!(b = y => b * a).value() * a), //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
        [1.0_f64, 2.0],
    );
}
