// Variables of two caller-owned tapes in one operation, and the output of another tape.
use typegrad::tape::{self, Tape};

fn main() {
    let (mut a, mut b) = (Tape::<f64, 8>::new(), Tape::<f64, 8>::new());
    let _ = tape::gradient_on(
        &mut a,
        |[x]| {
            let _ = tape::gradient_on(&mut b, |[y]| x * y, [2.0]); //~ ERROR lifetime may not live long enough
            x
        },
        [1.0],
    );
}
