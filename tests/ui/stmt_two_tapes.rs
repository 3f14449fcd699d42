// A statement over variables of two tapes.
use typegrad::tape::{self, stmt};

fn main() {
    let _ = tape::gradient::<_, 8>(
        |[x]| {
            let _ = tape::gradient::<_, 8>(|[y]| stmt!(x, y => x * y), [2.0_f64]); //~ ERROR lifetime may not live long enough
            x
        },
        [1.0_f64],
    );
}
