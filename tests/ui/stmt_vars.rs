// A variable of a `vars!` call in a statement.
use typegrad::reverse::vars;
use typegrad::tape::{self, stmt};

fn main() {
    let (z,) = vars!((3.0_f64,));
    let _ = tape::gradient::<_, 8>(|[x]| stmt!(x => x * z), [1.0_f64]); //~ ERROR E0277]: this expression mixes variables of two different `vars!` calls
}
