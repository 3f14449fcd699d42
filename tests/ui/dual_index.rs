// A forward-mode input index past the tangent count.
use typegrad::Dual;
use typegrad::typenum::U2;

fn main() {
    let _ = Dual::<f64, U2>::variable::<2>(5.0); //~ ERROR the input index I must be less than the tangent count N
}
