//! The tape never allocates: a counting global allocator sees no allocation across tape
//! gradients and Jacobians (its own test binary, so nothing else shares the allocator).

use std::hint::black_box;

use typegrad::Float;
use typegrad::tape::{self, Tape};

mod counting;
use counting::{Counting, allocations};

#[global_allocator]
static GLOBAL: Counting = Counting;

fn f<T: Float>(x: [T; 64]) -> T {
    x.iter().zip(&x[1..]).fold(T::zero(), |s, (&a, &b)| {
        s + (a * b).sin() + a.exp().hypot(b).powi(3)
    })
}

#[test]
fn tape_gradients_do_not_allocate() {
    // The counter works: a Vec is seen.
    assert_eq!(allocations(|| drop(black_box(vec![1, 2, 3]))), 1);

    let x: [f64; 64] = core::array::from_fn(|i| i as f64 / 64.0);
    let mut t = Tape::<f64, 512>::new();
    let mut sum = 0.0;
    let n = allocations(|| {
        for _ in 0..10 {
            let (v, g) = tape::gradient::<_, 512>(|x| f(x), black_box(x)).unwrap();
            let (w, h) = tape::gradient_on(&mut t, |x| f(x), black_box(x)).unwrap();
            let (fx, j) = tape::jacobian::<_, 512, 2>(|x| [f(x), x[0] * x[1]], x).unwrap();
            let overflow = tape::gradient::<_, 8>(|x| f(x), x);
            sum += v + g[0] + w + h[1] + fx[1] + j[1][0] + overflow.map_or(1.0, |r| r.0);
        }
    });
    assert!(sum.is_finite());
    assert_eq!(n, 0, "the tape allocated {n} times");
}

#[test]
#[allow(clippy::redundant_closure)] // a function generic over the tape goes in as a closure
fn statements_do_not_allocate() {
    use typegrad::reverse::{Expr, sum};
    use typegrad::tape::{Active, Store, stmt};

    fn stmts<'t, S: Store<f64>>(x: [Active<'t, f64, S>; 64]) -> Active<'t, f64, S> {
        let mut s = stmt!(x => sum(x.windows(2).map(|w| (w[0] * w[1]).sin())));
        for i in 0..8 {
            s = stmt!(s, a = x[i], b = x[i + 1] => (s * a).exp().hypot(b).powi(3));
        }
        s
    }
    let x: [f64; 64] = core::array::from_fn(|i| i as f64 / 64.0);
    let mut t = Tape::<f64, 512>::new();
    let mut sum = 0.0;
    let n = allocations(|| {
        for _ in 0..10 {
            let (v, g) = tape::gradient::<_, 512>(|x| stmts(x), black_box(x)).unwrap();
            let (w, h) = tape::gradient_on(&mut t, stmts, black_box(x)).unwrap();
            let (fx, j) = tape::jacobian::<_, 512, 2>(|x| [stmts(x), x[0] * x[1]], x).unwrap();
            let overflow = tape::gradient::<_, 80>(|x| stmts(x), x);
            let need = tape::required(|x| stmts(x), x);
            sum += v + g[0] + w + h[1] + fx[1] + j[1][0] + overflow.map_or(1.0, |r| r.0);
            sum += need as f64;
        }
    });
    assert!(sum.is_finite());
    assert_eq!(n, 0, "statements allocated {n} times");
}
