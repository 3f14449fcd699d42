// A variable of one loop iteration's set carried into the next iteration.
use typegrad::reverse::vars;

fn main() {
    let mut previous = None;
    for i in 0..2 {
        vars!(let (x,) = (i as f64,)); //~ ERROR E0716]: temporary value dropped while borrowed
        if let Some(p) = previous {
            let _ = x * p;
        }
        previous = Some(x);
    }
}
