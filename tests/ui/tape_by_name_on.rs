// A generic function passed by name to a caller-owned tape (write `|x| f(x)` instead).
use typegrad::Float;
use typegrad::tape::{self, Tape};

fn f<T: Float>([x, y]: [T; 2]) -> T {
    x * y
}

fn main() {
    let mut t = Tape::<f64, 8>::new();
    let _ = tape::gradient_on(&mut t, f, [1.0, 2.0]); //~ ERROR implementation of `FnOnce` is not general enough
}
