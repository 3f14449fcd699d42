// Variables of two tapes in one operation (closure forms).
use typegrad::tape;

fn main() {
    let _ = tape::gradient::<_, 8>(
        |[x]| {
            let _ = tape::gradient::<_, 8>(|[y]| x * y, [2.0_f64]); //~ ERROR lifetime may not live long enough
            x
        },
        [1.0_f64],
    );
}
