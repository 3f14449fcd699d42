// A plain number as an operand of a statement.
use typegrad::tape::{self, stmt};

fn main() {
    let _ = tape::gradient::<_, 8>(|[x]| stmt!(x, c = 2.0_f64 => x * c), [1.0_f64]); //~ ERROR E0277]: `stmt!` takes tape variables of one tape
}
