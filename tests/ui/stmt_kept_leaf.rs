// A statement's leaf kept for the next step of a loop.
use typegrad::tape::{self, stmt};

fn main() {
    let _ = tape::gradient::<_, 8>(
        |[x]| {
            let mut kept = None;
            let mut s = x;
            for _ in 0..2 {
                s = stmt!(s => { //~ ERROR E0716]: temporary value dropped while borrowed
                    let old = kept.unwrap_or(s);
                    kept = Some(s);
                    s * old
                });
            }
            s
        },
        [1.0_f64],
    );
}
