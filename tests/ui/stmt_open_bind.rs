// A statement over an expression with a `bind` placeholder left open.
use typegrad::reverse::Expr;
use typegrad::tape::{self, stmt};

fn main() {
    let _ = tape::gradient::<_, 8>(
        |[x, y]| {
            stmt!(x, y => { //~ ERROR E0277]: this expression uses a `bind` placeholder outside its body
                let mut out = None;
                let _inner = (x * y).bind(|a| {
                    out = Some(a);
                    a.sin()
                });
                out.unwrap() * x
            })
        },
        [1.0_f64, 2.0],
    );
}
