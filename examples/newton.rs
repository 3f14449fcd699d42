//! Newton's method on the Rosenbrock function, with the gradient and Hessian from one
//! `hessian` call per step (duals of duals).
//!
//! Run with `cargo run --example newton`.

use typegrad::{Float, hessian};

/// Rosenbrock's banana valley: minimum 0 at (1, 1).
fn rosenbrock<T: Float>([x, y]: [T; 2]) -> T {
    let one = T::one();
    let hundred = T::from(100.0).unwrap();
    (one - x).powi(2) + hundred * (y - x * x).powi(2)
}

/// Solves the 2×2 system `h · d = −g`.
fn newton_step(g: [f64; 2], h: [[f64; 2]; 2]) -> [f64; 2] {
    let det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
    [
        -(h[1][1] * g[0] - h[0][1] * g[1]) / det,
        -(h[0][0] * g[1] - h[1][0] * g[0]) / det,
    ]
}

fn main() {
    let mut x = [-1.2, 1.0];
    println!("step  x                     y                     f(x, y)");
    for step in 0..20 {
        let (f, g, h) = hessian(rosenbrock, x);
        println!("{step:>4}  {:<20.15}  {:<20.15}  {f:.3e}", x[0], x[1]);
        if g[0].hypot(g[1]) < 1e-12 {
            break;
        }
        let d = newton_step(g, h);
        x = [x[0] + d[0], x[1] + d[1]];
    }
    assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12);
    println!("converged to the minimum at (1, 1)");
}
