//! Long expressions: a node that spends the depth budget is folded into a leaf
//! (`reverse::Folded`), so chains of any length compile at rustc's default limits; the folded
//! gradient agrees with forward mode and with the unfolded one.

use proptest::prelude::*;
use typegrad::reverse::{self, DEPTH, Expr, Node, sum, vars};
use typegrad::{Dual, Float, gradient};

/// Relative error with a floor of `floor` (an absolute error below it).
fn error(a: f64, b: f64, floor: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(floor)
}

/// The name of an expression's type.
fn type_of<E>(_: &E) -> &'static str {
    core::any::type_name::<E>()
}

/// Whether an expression is a folded leaf.
fn folded<E>(e: &E) -> bool {
    type_of(e).starts_with("typegrad::reverse::fold::Folded")
}

/// `n` steps (a power of two up to 64) of four nested operations on `e`,
/// `e.mul_add(x1, x2).sin().hypot(x3).cos()`, as `let` statements rebinding `e`: each step's
/// type nests the last one's, as one written-out expression's would.
macro_rules! chain {
    (1; $e:ident, $b:expr, $c:expr, $d:expr) => {
        let $e = $e.mul_add($b, $c).sin().hypot($d).cos();
    };
    (2; $($t:tt)*) => { chain!(1; $($t)*); chain!(1; $($t)*); };
    (4; $($t:tt)*) => { chain!(2; $($t)*); chain!(2; $($t)*); };
    (8; $($t:tt)*) => { chain!(4; $($t)*); chain!(4; $($t)*); };
    (16; $($t:tt)*) => { chain!(8; $($t)*); chain!(8; $($t)*); };
    (32; $($t:tt)*) => { chain!(16; $($t)*); chain!(16; $($t)*); };
    (64; $($t:tt)*) => { chain!(32; $($t)*); chain!(32; $($t)*); };
}

/// 256 nested operations, `x0.mul_add(x1, x2).sin().hypot(x3).cos() …`, for any `Float`.
fn chain<T: Float>([x0, x1, x2, x3]: [T; 4]) -> T {
    let e = x0;
    chain!(64; e, x1, x2, x3);
    e
}

proptest! {
    /// 256 nested operations (folded eight times) in reverse mode: the value of forward mode,
    /// bit for bit, and its gradient.
    #[test]
    fn a_chain_of_256_operations_agrees_with_forward_mode(
        p in proptest::array::uniform4(-1.0..1.0_f64)
    ) {
        let (x0, x1, x2, x3) = vars!((p[0], p[1], p[2], p[3]));
        let e = x0;
        chain!(64; e, x1, x2, x3);
        prop_assert!(folded(&e));
        let (v, g) = e.value_and_gradient();
        let (fv, fg) = gradient(chain, p);
        prop_assert_eq!(v.to_bits(), fv.to_bits());
        for i in 0..4 {
            prop_assert!(error(g[i], fg[i], 1.0) <= 1e-12, "reverse {:?}, forward {:?}", g, fg);
        }
    }
}

#[test]
fn the_fold_comes_after_depth_nested_nodes() {
    assert_eq!(DEPTH, 32);
    let (x,) = vars!((0.5_f64,));
    // DEPTH − 1 nested nodes: not folded.
    let e = x
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin();
    assert!(!type_of(&e).contains("Folded"), "{}", type_of(&e));
    // One more: folded, with the same value and gradient.
    let f = e.sin();
    assert!(folded(&f));
    let unfolded = e.eval().sin();
    assert_eq!(f.value(), unfolded.value());
    assert!(error(f.gradient()[0], unfolded.gradient()[0], 1.0) <= 1e-15);
}

/// Twenty steps `b ← sin(fma(b, a, a))` from `b = a`.
fn steps<T: Float>(a: T) -> T {
    let mut b = a;
    for _ in 0..20 {
        b = b.mul_add(a, a).sin();
    }
    b
}

#[test]
fn folds_inside_a_bind_body_keep_the_placeholder() {
    // The body nests 40 nodes on the placeholder: a fold happens while the placeholder is
    // open, and its adjoint still reaches x·y through the folded gradient's scratch slot.
    let (p, q) = (0.3_f64, 0.7);
    let (x, y) = vars!((p, q));
    let e = (x * y).bind(|a| {
        a.mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
            .mul_add(a, a)
            .sin()
    });
    assert!(type_of(&e).contains("Folded"));
    let g = e.gradient();
    let (fv, fg) = gradient(|[x, y]| steps(x * y), [p, q]);
    assert_eq!((e.value(), e.value()), (fv, steps(p * q)));
    for i in 0..2 {
        assert!(
            error(g[i], fg[i], 1.0) <= 1e-13,
            "reverse {g:?}, forward {fg:?}"
        );
    }
}

#[test]
fn a_deep_sum_is_folded_and_walked_once() {
    // Terms 31 nodes deep: the sum of them is the 32nd level, folded as it is built.
    let p = [0.1_f64, 0.2, 0.3];
    let x = vars!(p);
    let s = sum(x.into_iter().map(|xi| {
        xi.sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
            .cos()
            .sin()
    }));
    assert!(folded(&s));
    let (v, g) = s.value_and_gradient();
    let (fv, fg) = gradient(
        |x: [Dual<f64, typegrad::typenum::U3>; 3]| {
            x.iter()
                .map(|&xi| {
                    xi.sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                        .cos()
                        .sin()
                })
                .fold(Dual::from(-0.0), |a, t| a + t)
        },
        p,
    );
    assert_eq!(v, fv);
    for i in 0..3 {
        assert!(
            error(g[i], fg[i], 1.0) <= 1e-14,
            "reverse {g:?}, forward {fg:?}"
        );
    }
}

#[test]
fn closure_forms_fold_too() {
    let p = (0.1_f64, 0.2, 0.3, 0.4);
    let (v, g) = reverse::gradient(
        |(x0, x1, x2, x3)| {
            let e = x0;
            chain!(64; e, x1, x2, x3);
            e
        },
        p,
    );
    let (fv, fg) = gradient(chain, [0.1, 0.2, 0.3, 0.4]);
    assert_eq!(v, fv);
    for i in 0..4 {
        assert!(
            error(g[i], fg[i], 1.0) <= 1e-12,
            "reverse {g:?}, forward {fg:?}"
        );
    }
    // Forward over reverse through two folds (64 operations; in a debug build the 256 above
    // take more than a test thread's stack with duals): the Hessian is symmetric, and the
    // gradient is forward mode's.
    let (hv, hg, h) = reverse::hessian(
        |(x0, x1, x2, x3)| {
            let e = x0;
            chain!(16; e, x1, x2, x3);
            e
        },
        p,
    );
    let (fv, fg) = gradient(
        |[x0, x1, x2, x3]| {
            let e = x0;
            chain!(16; e, x1, x2, x3);
            e
        },
        [0.1, 0.2, 0.3, 0.4],
    );
    assert_eq!(hv, fv);
    for i in 0..4 {
        assert!(error(hg[i], fg[i], 1.0) <= 1e-12, "{hg:?} {fg:?}");
        for j in 0..4 {
            assert!(error(h[i][j], h[j][i], 1.0) <= 1e-10, "{h:?}");
        }
    }
}

#[test]
fn a_folded_leaf_is_a_node_like_any_other() {
    let (x, y) = vars!((0.25_f64, 2.0));
    let f = (x * y)
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin(); // DEPTH nested nodes: folded
    assert!(folded(&f));
    let g = (f * y + f.exp()).gradient();
    let e = (x * y)
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .cos()
        .sin()
        .eval();
    let h = (e * y + e.exp()).gradient();
    for i in 0..2 {
        assert!(error(g[i], h[i], 1.0) <= 1e-15, "{g:?} {h:?}");
    }
    assert!(format!("{f:?}").starts_with("Folded { value: "));
    fn budget<E: Node>(_: &E) -> &'static str {
        core::any::type_name::<E::Budget>()
    }
    assert_eq!(budget(&f), budget(&x));
}
