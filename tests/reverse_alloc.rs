//! Reverse mode never touches the heap: a counting global allocator watches a workload of
//! gradients, `eval` loops, `bind`, `sum` over 64 array variables, `reverse::hessian` and
//! `reverse::hvp`.

use std::hint::black_box;

use typegrad::reverse::{self, Expr, sum, vars};

mod counting;
use counting::{Counting, allocations};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn reverse_mode_makes_no_heap_allocation() {
    // The counter works: a Vec is seen.
    assert_eq!(allocations(|| drop(black_box(vec![1.0_f64; 4]))), 1);

    let n = allocations(|| {
        // The closure form and the `vars` form, f64 and f32.
        let (v, g) = reverse::gradient(
            |(x, y, z)| (2.0 * x + y) * z,
            black_box((1.0_f64, 2.0, 3.0)),
        );
        black_box((v, g));
        let (x, y) = vars!(black_box((2.0_f32, 3.0)));
        let e = y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2);
        black_box((e.value(), e.gradient()));
        let e = x.atan2(y).hypot(x.powf(y)).mul_add(2.0, y) % 1.5;
        black_box(e.gradient());

        // An eval loop.
        let (x, y) = vars!(black_box((0.5_f64, 2.0)));
        let mut s = (x * y).eval();
        for _ in 0..100 {
            s = (s * x + y).sin().eval();
        }
        black_box(s);

        // bind, chained and nested.
        let e = (x * y)
            .bind(|a| (a * a).sin())
            .bind(|a| (a * a).sin())
            .bind(|a| (a + x).bind(|b| b * a + y));
        black_box((e.value(), e.gradient()));

        // sum over 64 array variables, by reference and by value.
        let p = black_box([0.5_f64; 64]);
        let x = vars!(p);
        let r = sum(x
            .windows(2)
            .map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)));
        black_box((r.value(), r.gradient()));
        let (v, g) =
            reverse::gradient(|x| sum(x.into_iter().map(|xi| xi.exp().bind(|a| a * a))), p);
        black_box((v, g));

        // The positional methods of array variables, and dot products shared by `bind`.
        let r = sum(x
            .array_windows()
            .map(|[a, b]| 100.0 * (b - a.powi(2)).powi(2)));
        black_box(r.value_and_gradient());
        let (v, g) = reverse::gradient(|x| sum((0..63).map(move |i| x.var(i) * x.var(i + 1))), p);
        black_box((v, g));
        let rows = black_box([[0.25_f64; 64]; 8]);
        let l = sum(rows
            .iter()
            .map(|row| x.dot(row).bind(|z| z - (z.exp() + 1.0).ln())));
        black_box(l.value_and_gradient());

        // 70 nested operations, folded twice.
        let (x, y) = vars!(black_box((0.5_f64, 0.25)));
        let e = x
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x)
            .sin()
            .mul_add(y, x);
        black_box((e.value(), e.gradient()));

        // Forward over reverse.
        let (v, g, h) = reverse::hessian(
            |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
            black_box((2.0_f64, 3.0)),
        );
        black_box((v, g, h));
        let (v, g, hv) = reverse::hvp(
            |x| sum(x.into_iter().map(|xi| xi.powi(3).bind(|a| a.sin()))),
            p,
            black_box([1.0; 64]),
        );
        black_box((v, g, hv));
    });
    assert_eq!(n, 0, "reverse mode allocated {n} times");
}
