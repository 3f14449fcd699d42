//! Forward mode never allocates: a counting global allocator sees no allocation from
//! `derivative`, `gradient`, `grad`, `jvp`, `jacobian` or `hessian`, in one call or in
//! chunks (`Chunked`, and the default chunks past 64 inputs), nor from `tape::hessian`.
//! (`tests/counting/` counts the allocations of the test's own thread.)

use std::hint::black_box;

use typegrad::{Chunked, Dual, Float, derivative, grad, gradient, hessian, jacobian, jvp, tape};

mod counting;
use counting::{Counting, allocations};

#[global_allocator]
static GLOBAL: Counting = Counting;

fn f3<T: Float>([x, y]: [T; 2]) -> T {
    y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

/// A function of 8 inputs that couples every neighbour pair (a dense-banded Hessian).
fn f8<T: Float>(x: [T; 8]) -> T {
    let mut s = T::zero();
    for i in 0..8 {
        let next = x[(i + 1) % 8];
        s = s + x[i] * x[i] * next + (x[i] - next).sin() + x[i].exp().ln_1p();
    }
    s.sqrt().atan2(x[0].hypot(x[7]))
}

/// A function of many inputs.
fn sum_of_sines<T: Float, const N: usize>(x: [T; N]) -> T {
    x.iter().fold(T::zero(), |s, &xi| s + xi.sin() * xi)
}

#[test]
fn forward_mode_does_not_allocate() {
    // The counter works: a box inside the window is seen.
    assert_eq!(allocations(|| drop(black_box(Box::new(1.0_f64)))), 1);

    let x8 = black_box([0.3, 1.1, -0.7, 2.0, 0.5, -1.3, 0.9, 1.7_f64]);
    let n = allocations(|| {
        black_box(derivative(
            |x| x.sin() * x.exp() + x.powf(x),
            black_box(1.3_f64),
        ));
        black_box(derivative(|x| x.sqrt().powi(3), black_box(2.0_f32)));
        black_box(derivative(
            |x| derivative(|y| y.tanh() * Dual::from(x), x).1,
            black_box(0.4_f64),
        ));
        black_box(gradient(f3, black_box([2.0, 3.0_f64])));
        black_box(gradient(f8, x8));
        let f_grad = grad(f3);
        black_box(f_grad(black_box([2.0, 3.0_f64])));
        black_box(grad(f8)(x8));
        black_box(jvp(f8, x8, black_box([1.0; 8])));
        black_box(jacobian(
            |[x, y, z]| [x * y.sin(), z.hypot(x), (x + y + z).exp()],
            black_box([0.1, 0.2, 0.3_f64]),
        ));
        black_box(hessian(f3, black_box([2.0, 3.0_f64])));
        black_box(hessian(f8, x8));
        black_box(hessian(f8, x8.map(|v| v as f32)));
        // In chunks: 4 calls of 25 tangents at 100 inputs, the Hessian of 20 inputs in 6
        // calls of 7 over 7, chunks of 3 on demand, and the Hessian on the tape.
        let x100: [f64; 100] = black_box(core::array::from_fn(|i| i as f64 / 50.0));
        let x20: [f64; 20] = black_box(core::array::from_fn(|i| i as f64 / 10.0));
        black_box(hessian(sum_of_sines, x20));
        black_box(gradient(sum_of_sines, x100));
        black_box(jacobian(
            |x: [_; 100]| [sum_of_sines(x), x[7] * x[93]],
            x100,
        ));
        black_box(Chunked::<3>::gradient(f8, x8));
        black_box(Chunked::<3>::jacobian(|x| [f8(x), x[1] * x[2]], x8));
        black_box(Chunked::<3>::hessian(f8, x8));
        black_box(tape::hessian::<_, 64>(|x| f8(x), x8).unwrap());
        let d: Dual<Dual<f64>> = Dual::from(Dual::variable::<0>(black_box(1.5)));
        black_box([d, d * 2.0, 3.0 - d].into_iter().sum::<Dual<Dual<f64>>>());
    });
    assert_eq!(n, 0, "forward mode allocated {n} times");
}
