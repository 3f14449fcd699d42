//! Every mode at a size that once overflowed, on a 2 MiB thread stack (a test thread's
//! default; `std::thread::Builder::stack_size`), with exact results against closed forms.
//! CI runs this file in debug (`cargo test`) and in release
//! (`cargo test --release --test stack`).
//!
//! The points have coordinates −1, 0 and 1, where every product and sum below is exact.

mod common;

use common::rosenbrock::{rosenbrock, rosenbrock_closed, rosenbrock_hessian};
use typegrad::reverse::{Expr, sum};
use typegrad::vars;
use typegrad::{Float, gradient, hessian, jacobian, tape};

/// Runs `f` on a new thread with a 2 MiB stack; a stack overflow aborts the test binary.
fn on_2_mib(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the test thread panicked");
}

/// −1, 0, 1, −1, 0, 1, …
fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| (i % 3) as f64 - 1.0)
}

#[test]
fn forward_gradient_of_1000_inputs() {
    on_2_mib(|| {
        let x = point::<1000>();
        assert_eq!(gradient(rosenbrock, x), rosenbrock_closed(x));
    });
}

#[test]
fn forward_hessian_of_100_inputs() {
    on_2_mib(|| {
        let x = point::<100>();
        let (v, g, h) = hessian(rosenbrock, x);
        assert_eq!((v, g), rosenbrock_closed(x));
        assert!(h == rosenbrock_hessian(x));
    });
}

#[test]
fn forward_jacobian_of_200_by_200() {
    /// `yᵢ = xᵢ·xᵢ₊₁ − xᵢ₊₂` (indices mod 200).
    fn f<T: Float>(x: [T; 200]) -> [T; 200] {
        core::array::from_fn(|i| x[i] * x[(i + 1) % 200] - x[(i + 2) % 200])
    }
    on_2_mib(|| {
        let x = point::<200>();
        let (fx, j) = jacobian(f, x);
        assert_eq!(fx, f(x));
        for (i, row) in j.iter().enumerate() {
            let mut expected = [0.0; 200];
            expected[i] += x[(i + 1) % 200];
            expected[(i + 1) % 200] += x[i];
            expected[(i + 2) % 200] -= 1.0;
            assert!(*row == expected, "row {i}");
        }
    });
}

#[test]
fn tape_gradient_of_1000_inputs() {
    on_2_mib(|| {
        let x = point::<1000>();
        let (v, g) = tape::gradient::<_, 8192>(|x| rosenbrock(x), x).unwrap();
        assert_eq!((v, g), rosenbrock_closed(x));
    });
}

#[test]
fn reverse_sum_over_1000_variables() {
    on_2_mib(|| {
        let x = point::<1000>();
        let v = vars!(x);
        let e = sum(v.iter().map(|&xi| xi * xi * 3.0));
        let (value, g) = e.value_and_gradient();
        assert_eq!(value, x.iter().map(|xi| 3.0 * xi * xi).sum::<f64>());
        assert!(g.as_slice() == x.map(|xi| 6.0 * xi).as_slice());
    });
}
