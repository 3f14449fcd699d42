//! Forward mode in chunks gives the same bits as one call with a tangent per input: every
//! tangent of a dual is propagated by its own arithmetic, whatever the others are. Compared
//! for every chunk length against the single call, written out here with `N` tangents:
//! gradients and Jacobians entry by entry, Hessians on the triangle the chunked `hessian`
//! computes (entry `(j, i)`, `j ≥ i`: the outer derivative in `j` of the inner one in `i`),
//! which it mirrors.

mod common;

use common::{Real, cases, same};
use proptest::prelude::*;
use typegrad::typenum::U7;
use typegrad::{Chunked, Dual, Float, gradient, hessian, jacobian};

/// Seven inputs through most kinds of operation: elementary functions, both arguments of
/// the binary ones, choices, a fused multiply-add and a product of all inputs.
fn f<T: Real>(x: [T; 7]) -> T {
    let [a, b, c, d, e, g, h] = x;
    let p = x.iter().fold(T::one(), |p, &xi| p * xi);
    (a * b.sin() + c.exp() * d.ln()).atan2(e.hypot(g))
        + (h.sqrt() * a).powf(b * 0.5)
        + c.max(d) * e.min(g).tanh()
        + Float::mul_add(a, h, g.erf())
        + p / (b * b + 1.0).cbrt()
        + (d / e).powi(3)
}

/// Three outputs of the seven inputs.
fn f3<T: Real>(x: [T; 7]) -> [T; 3] {
    [f(x), x[0] * x[6] - x[3].cos(), (x[1] + x[2]).asinh() / x[4]]
}

/// Positive inputs, where every operation of `f` is smooth.
fn point() -> impl Strategy<Value = [f64; 7]> {
    prop::array::uniform7(0.2..3.0)
}

type D7 = Dual<f64, U7>;

/// The inputs with one tangent each.
fn seeded(x: [f64; 7]) -> [D7; 7] {
    core::array::from_fn(|i| {
        let mut t = [0.0; 7];
        t[i] = 1.0;
        Dual::new(x[i], t.into())
    })
}

/// The Hessian by one call with 7 tangents over 7 (rows: outer direction).
fn hessian_by_one_call(x: [f64; 7]) -> (f64, [f64; 7], [[f64; 7]; 7]) {
    let xs: [Dual<D7, U7>; 7] = core::array::from_fn(|i| {
        let mut t = [D7::from(0.0); 7];
        t[i] = D7::from(1.0);
        Dual::new(seeded(x)[i], t.into())
    });
    let y = f(xs);
    let h = y
        .tangent()
        .into_array::<7>()
        .map(|row| row.tangent().into_array());
    (y.value().value(), y.value().tangent().into_array(), h)
}

fn same_all(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&a, &b)| same(a, b))
}

/// Every chunk length `K` from 1 to 8 (8 > N: one call with an unused tangent).
macro_rules! each_k {
    ($k:ident => $body:expr) => {{
        macro_rules! at {
            ($kk:literal) => {{
                const $k: usize = $kk;
                $body
            }};
        }
        at!(1);
        at!(2);
        at!(3);
        at!(4);
        at!(5);
        at!(6);
        at!(7);
        at!(8);
    }};
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn gradient_and_jacobian_are_the_same_bits(x in point()) {
        let y = f(seeded(x));
        let (v, g) = (y.value(), y.tangent().into_array::<7>());
        let ys = f3(seeded(x));
        let (fx, j) = (ys.map(|y| y.value()), ys.map(|y| y.tangent().into_array::<7>()));
        let (v0, g0) = gradient(f, x);
        prop_assert!(same(v0, v) && same_all(&g0, &g), "gradient {g0:?} != {g:?}");
        each_k!(K => {
            let (vk, gk) = Chunked::<K>::gradient(f, x);
            prop_assert!(same(vk, v) && same_all(&gk, &g), "K = {K}: {gk:?} != {g:?}");
            let (fk, jk) = Chunked::<K>::jacobian(f3, x);
            prop_assert!(same_all(&fk, &fx), "K = {K}: values {fk:?} != {fx:?}");
            prop_assert!(same_all(jk.as_flattened(), j.as_flattened()), "K = {K}: {jk:?} != {j:?}");
        });
        let (fk, jk) = jacobian(f3, x);
        prop_assert!(same_all(&fk, &fx) && same_all(jk.as_flattened(), j.as_flattened()));
    }

    #[test]
    fn hessian_is_the_same_bits_on_its_triangle_and_symmetric(x in point()) {
        let (v, g, h) = hessian_by_one_call(x);
        let check = |k: usize, (vk, gk, hk): (f64, [f64; 7], [[f64; 7]; 7])| {
            prop_assert!(same(vk, v) && same_all(&gk, &g), "K = {k}: {vk} {gk:?}");
            for j in 0..7 {
                for i in 0..=j {
                    prop_assert!(same(hk[j][i], h[j][i]), "K = {k}: ({j}, {i}) {hk:?} != {h:?}");
                    prop_assert!(same(hk[i][j], hk[j][i]), "K = {k}: not symmetric {hk:?}");
                }
            }
            Ok(())
        };
        check(0, hessian(f, x))?;
        each_k!(K => check(K, Chunked::<K>::hessian(f, x))?);
    }
}

/// Many inputs: the default chunks (4 calls of 25 tangents for the gradient at 100 inputs,
/// 6 calls of 7 over 7 for the Hessian at 20) against one call.
fn chain<T: Float, const N: usize>(x: [T; N]) -> T {
    x.windows(2).fold(T::zero(), |s, w| {
        s + (w[0] * w[1]).sin() + w[0].exp() * w[1]
    })
}

#[test]
fn many_inputs_are_the_same_bits() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let x: [f64; 100] = core::array::from_fn(|i| (i as f64 * 0.37).sin());
            let (v, g) = gradient(chain, x);
            let (v1, g1) = Chunked::<100>::gradient(chain, x);
            assert!(same(v, v1) && same_all(&g, &g1));
            let x: [f64; 20] = core::array::from_fn(|i| (i as f64 * 0.37).sin());
            let (v, g, h) = hessian(chain, x);
            let (v1, g1, h1) = Chunked::<20>::hessian(chain, x);
            assert!(same(v, v1) && same_all(&g, &g1));
            assert!(same_all(h.as_flattened(), h1.as_flattened()));
        })
        .unwrap()
        .join()
        .unwrap();
}

/// Where a derivative is infinite (`sqrt` at 0, `cbrt` and `ln` near it), a NaN of the
/// single call can spread to entries of other inputs through `0 · ∞` in the nested
/// tangents; in chunks it reaches only the entries of that input's chunk. Every entry the
/// single call gives as a number is the same bits in chunks, and the gradient is the same.
#[test]
fn special_points_change_only_entries_the_single_call_makes_nan() {
    let points = [
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
        [0.0, 0.5, 1.0, 1.0, 2.0, 1.0, 0.0],
        [1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0],
        [2.0, 1.0, 0.5, 0.0, 1.0, 1.0, 0.5],
    ];
    let mut numbers = 0;
    for x in points {
        let (v, g, h) = hessian_by_one_call(x);
        let check = |k: usize, (vk, gk, hk): (f64, [f64; 7], [[f64; 7]; 7])| {
            assert!(same(vk, v) && same_all(&gk, &g), "K = {k} at {x:?}");
            for j in 0..7 {
                for i in 0..=j {
                    let kept = h[j][i].is_nan() || same(hk[j][i], h[j][i]);
                    assert!(
                        kept,
                        "K = {k} at {x:?}: ({j}, {i}) {} != {}",
                        hk[j][i], h[j][i]
                    );
                }
            }
            (0..7)
                .flat_map(|j| (0..=j).map(move |i| (j, i)))
                .filter(|&(j, i)| h[j][i].is_nan() && !hk[j][i].is_nan())
                .count()
        };
        numbers += check(0, hessian(f, x));
        each_k!(K => numbers += check(K, Chunked::<K>::hessian(f, x)));
        let y = f(seeded(x));
        each_k!(K => {
            let (vk, gk) = Chunked::<K>::gradient(f, x);
            assert!(same(vk, y.value()) && same_all(&gk, y.tangent().as_slice()), "K = {K} at {x:?}");
        });
    }
    // The case exists: some entries are NaN in one call and numbers in chunks.
    assert!(numbers > 0);
}
