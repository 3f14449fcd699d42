// A generic function passed by name to the tape's closure form (write `|x| f(x)` instead).
use typegrad::{Float, tape};

fn f<T: Float>([x, y]: [T; 2]) -> T {
    x * y
}

fn main() {
    let _ = tape::gradient::<_, 8>(f, [1.0_f64, 2.0]); //~ ERROR implementation of `FnOnce` is not general enough
}
