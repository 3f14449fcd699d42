//! Statement-level recording (`stmt!`): gradients against the per-operation tape, forward
//! mode, finite differences and closed forms; the records a statement takes, counted exactly;
//! constants, reused leaves, multipliers, Jacobians and the zero rule.

use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::generic_array::IntoArrayLength;
use typegrad::reverse::{Expr, sum};
use typegrad::tape::{self, Active, Store, Tape, TapeError, stmt};
use typegrad::typenum::Const;
use typegrad::{Chunking, Float, Length, gradient};

/// `|a − b| ≤ 1e-12·(1 + |b|)` for every pair.
fn close<const N: usize>(a: [f64; N], b: [f64; N]) -> bool {
    a.iter()
        .zip(&b)
        .all(|(x, y)| (x - y).abs() <= 1e-12 * (1.0 + y.abs()))
}

/// The records a statement over `k` variables takes.
fn records(k: usize) -> usize {
    match k {
        0 | 1 => 0,
        2..=5 => k - 1,
        _ => 1 + k.div_ceil(2),
    }
}

/// A formula over `N` inputs, written once for `Float` (per operation, forward mode) and once
/// as one statement.
trait Formula<const N: usize> {
    fn float<T: Float>(x: [T; N]) -> T;
    fn statement<'t, S: Store<f64>>(x: [Active<'t, f64, S>; N]) -> Active<'t, f64, S>;
}

/// One input, used four times: one operand, no record.
struct One;
impl Formula<1> for One {
    fn float<T: Float>([a]: [T; 1]) -> T {
        a.sin() * a + a.powi(3) - a * a
    }
    fn statement<'t, S: Store<f64>>([a]: [Active<'t, f64, S>; 1]) -> Active<'t, f64, S> {
        stmt!(a => a.sin() * a + a.powi(3) - a * a)
    }
}

struct Two;
impl Formula<2> for Two {
    fn float<T: Float>([a, b]: [T; 2]) -> T {
        (a * b).sin() + a / b + a.atan2(b) * a
    }
    fn statement<'t, S: Store<f64>>([a, b]: [Active<'t, f64, S>; 2]) -> Active<'t, f64, S> {
        stmt!(a, b => (a * b).sin() + a / b + a.atan2(b) * a)
    }
}

struct Three;
impl Formula<3> for Three {
    fn float<T: Float>([a, b, c]: [T; 3]) -> T {
        a * b.exp() - c.powi(2) * a + c.hypot(b)
    }
    fn statement<'t, S: Store<f64>>([a, b, c]: [Active<'t, f64, S>; 3]) -> Active<'t, f64, S> {
        stmt!(a, b, c => a * b.exp() - c.powi(2) * a + c.hypot(b))
    }
}

/// `N` inputs as one array of leaves.
struct Chain<const N: usize>;
impl<const N: usize> Chain<N> {
    fn float_at<T: Float>(x: [T; N]) -> T {
        let mut s = x[0].exp();
        for w in x.windows(2) {
            s = s + w[0] * w[1].sin();
        }
        s
    }
}
macro_rules! chain_statement {
    ($($n:literal)*) => {$(
        impl Formula<$n> for Chain<$n> {
            fn float<T: Float>(x: [T; $n]) -> T {
                Self::float_at(x)
            }
            fn statement<'t, S: Store<f64>>(x: [Active<'t, f64, S>; $n]) -> Active<'t, f64, S> {
                stmt!(x => sum(x.windows(2).map(|w| w[0] * w[1].sin())) + x[0].exp())
            }
        }
    )*};
}
chain_statement!(4 5 6 7 8 64);

/// The statement against the per-operation tape (on both kinds of tape), forward mode and
/// finite differences; the records it takes, counted exactly.
fn agrees<F: Formula<N>, const N: usize>(x: [f64; N])
where
    Const<N>: IntoArrayLength<ArrayLength: Length<f64>> + Chunking<f64>,
{
    let (v, g) = tape::gradient::<_, 128>(|x| F::statement(x), x).unwrap();
    let (w, h) = tape::gradient::<_, 512>(|x| F::float(x), x).unwrap();
    let (u, d) = gradient(F::float, x);
    assert!(close([v], [w]) && close([v], [u]), "{v} {w} {u}");
    assert!(close(g, h), "statement {g:?}, per operation {h:?}");
    assert!(close(g, d), "statement {g:?}, forward {d:?}");
    assert!(check_gradient(F::float, x, g).passes(1e-6));

    let mut t = Tape::<f64, 128>::new();
    assert_eq!(
        tape::gradient_on(&mut t, |x| F::statement(x), x),
        Ok((v, g))
    );
    let need = N + records(N);
    assert_eq!(t.len(), need);
    assert_eq!(tape::required(|x| F::statement(x), x), need);
}

#[test]
fn statements_of_one_to_sixty_four_variables() {
    agrees::<One, 1>([0.7]);
    agrees::<Two, 2>([0.7, -1.3]);
    agrees::<Three, 3>([0.7, -1.3, 0.4]);
    agrees::<Chain<4>, 4>([0.7, -1.3, 0.4, 2.0]);
    agrees::<Chain<5>, 5>([0.7, -1.3, 0.4, 2.0, -0.2]);
    agrees::<Chain<6>, 6>([0.7, -1.3, 0.4, 2.0, -0.2, 1.1]);
    agrees::<Chain<7>, 7>([0.7, -1.3, 0.4, 2.0, -0.2, 1.1, 0.3]);
    agrees::<Chain<8>, 8>([0.7, -1.3, 0.4, 2.0, -0.2, 1.1, 0.3, -0.9]);
    agrees::<Chain<64>, 64>(core::array::from_fn(|i| (i as f64 * 0.37).sin()));
}

proptest! {
    #[test]
    fn statements_agree_across_the_domain(
        a in -3.0..3.0_f64, b in 0.2..3.0_f64, c in -3.0..3.0_f64, d in -3.0..3.0_f64,
    ) {
        agrees::<Two, 2>([a, b]);
        agrees::<Three, 3>([a, b, c]);
        agrees::<Chain<5>, 5>([a, b, c, d, a * b]);
        agrees::<Chain<8>, 8>([a, b, c, d, a * b, b - c, c * d, -a]);
    }
}

/// The capacity a statement needs is reported exactly, on both kinds of tape, for every
/// number of operands.
#[test]
fn overflow_reports_the_exact_capacity() {
    fn at<F: Formula<N>, const N: usize, const CAP: usize>(x: [f64; N]) {
        let need = tape::required(|x| F::statement(x), x);
        assert_eq!(need, N + records(N));
        let r = tape::gradient::<_, CAP>(|x| F::statement(x), x);
        let mut t = Tape::<f64, CAP>::new();
        let s = tape::gradient_on(&mut t, |x| F::statement(x), x);
        if CAP >= need {
            assert!(r.is_ok() && s.is_ok());
        } else {
            assert_eq!(r, Err(TapeError::Capacity { required: need }));
            assert_eq!(s, Err(TapeError::Capacity { required: need }));
            assert_eq!(t.len(), need);
        }
    }
    let x = [0.5, -0.25, 1.5, 2.0, 0.75, -1.0, 0.1, 0.2];
    at::<Chain<8>, 8, 12>(x); // 8 inputs, 5 records: 13
    at::<Chain<8>, 8, 13>(x);
    at::<Chain<8>, 8, 7>(x); // the inputs fit, the statement does not
    at::<Chain<8>, 8, 4>(x); // not even the inputs
    let x = [0.5, -0.25, 1.5, 2.0, 0.75];
    at::<Chain<5>, 5, 8>(x); // 5 inputs, 4 records: 9
    at::<Chain<5>, 5, 9>(x);
    at::<Three, 3, 4>([0.5, -0.25, 1.5]); // 3 inputs, 2 records: 5
    at::<Three, 3, 5>([0.5, -0.25, 1.5]);
    at::<Two, 2, 2>([0.5, -0.25]); // 2 inputs, 1 record: 3
    at::<One, 1, 1>([0.5]); // 1 input, no record

    // Records made after an overflowing statement are counted too.
    fn f<'t>(x: [Active<'t, f64>; 6]) -> Active<'t, f64> {
        let s = stmt!(x => sum(x.iter().map(|xi| xi.sin())));
        s * x[0] + x[1]
    }
    assert_eq!(tape::required(f, [1.0; 6]), 6 + 4 + 2);
    assert_eq!(
        tape::gradient::<_, 9>(f, [1.0; 6]),
        Err(TapeError::Capacity { required: 12 })
    );
    assert!(tape::gradient::<_, 12>(f, [1.0; 6]).is_ok());
}

/// Constants among up to three operands make no operand; among more, they take their place
/// in an operand slot and pass nothing on; a statement of constants is a constant.
#[test]
fn constants_in_statements() {
    let (v, g) = tape::gradient::<_, 4>(
        |[x]| {
            let c = Active::constant(2.0);
            let k = stmt!(c => c.powi(3) + c); // constants only: a constant
            assert!(k.is_constant() && k.value() == 10.0);
            stmt!(x, c, k => x * c + k * x.sin()) // one variable: no record
        },
        [0.5_f64],
    )
    .unwrap();
    assert_eq!(v, 0.5 * 2.0 + 10.0 * 0.5_f64.sin());
    assert_eq!(g, [2.0 + 10.0 * 0.5_f64.cos()]);
    let need = tape::required(
        |[x, y]| stmt!(x, c = Active::constant(3.0), y => x * c * y),
        [1.0_f64, 2.0],
    );
    assert_eq!(need, 3); // two inputs, a statement over two variables

    fn mixed<'t>([x, y]: [Active<'t, f64>; 2]) -> Active<'t, f64> {
        let c = Active::constant(3.0);
        let v = [c, x, c, y, x * y];
        stmt!(v => v[0] * v[1].sin() + v[2] * v[3] * v[4])
    }
    let (v, g) = tape::gradient::<_, 8>(mixed, [0.5, 2.0]).unwrap();
    assert_eq!(v, 3.0 * 0.5_f64.sin() + 3.0 * 2.0 * 1.0);
    let want = [
        3.0 * 0.5_f64.cos() + 3.0 * 2.0 * 2.0,
        3.0 * 2.0 * 0.5 + 3.0 * 1.0,
    ];
    assert!(close(g, want), "{g:?} {want:?}");
    // 2 inputs, `x * y`, and the statement over five operands: 1 + 3.
    assert_eq!(tape::required(mixed, [0.5, 2.0]), 7);
    fn all<'t>(x: [Active<'t, f64>; 1]) -> Active<'t, f64> {
        let c = [Active::constant(1.0); 4];
        let k = stmt!(c => c[0] + c[1] * c[2] - c[3]);
        assert!(k.is_constant());
        x[0] * k
    }
    assert_eq!(tape::required(all, [1.0]), 1);
}

/// Operands that are multiples of records (`2·sin x`), and records of earlier operations,
/// carry their multipliers into the statement; statements and operations mix freely.
#[test]
fn operands_carry_their_multipliers() {
    fn f<T: Float>([x, y, z]: [T; 3]) -> T {
        let u = x.sin() * T::from(2.0).unwrap();
        let w = x * y;
        let s = (u * w + z).exp() - w / z;
        s * s + u
    }
    fn g<'t>([x, y, z]: [Active<'t, f64>; 3]) -> Active<'t, f64> {
        let u = x.sin() * 2.0;
        let w = x * y;
        let s = stmt!(u, w, z => (u * w + z).exp() - w / z);
        s * s + u
    }
    let x = [0.3, -0.8, 1.7];
    let (v, d) = tape::gradient::<_, 16>(g, x).unwrap();
    let (w, e) = gradient(f, x);
    assert!(close([v], [w]) && close(d, e), "{d:?} {e:?}");
    // 3 inputs, `x * y`, the statement (two records), `s * s`, `+ u`.
    assert_eq!(tape::required(g, x), 8);
}

/// A loop of statements: one record a step, the same gradient as per operation.
#[test]
fn a_loop_of_statements() {
    fn f<T: Float>([a, b]: [T; 2]) -> T {
        let mut s = a;
        for i in 0..50 {
            let c = T::from(0.01 * i as f64).unwrap();
            s = (s * a + b * c).tanh() + s;
        }
        s
    }
    fn g<'t>([a, b]: [Active<'t, f64>; 2]) -> Active<'t, f64> {
        let mut s = a;
        for i in 0..50 {
            let c = 0.01 * i as f64;
            s = stmt!(s, a, b => (s * a + b * c).tanh() + s);
        }
        s
    }
    let x = [0.4, -0.3];
    let (v, d) = tape::gradient::<_, 102>(g, x).unwrap(); // 2 inputs, 2 records a step
    let (w, e) = tape::gradient::<_, 512>(|x| f(x), x).unwrap();
    assert!(close([v], [w]) && close(d, e), "{d:?} {e:?}");
    assert_eq!(tape::required(g, x), 102);
    assert_eq!(tape::required(|x| f(x), x), 2 + 50 * 3);
}

/// Jacobians sweep statements once per output.
#[test]
#[allow(clippy::redundant_closure)] // a function generic over the tape goes in as a closure
fn jacobians_through_statements() {
    fn f<'t, S: Store<f64>>(x: [Active<'t, f64, S>; 6]) -> [Active<'t, f64, S>; 2] {
        let s = stmt!(x => sum(x.iter().map(|xi| xi.powi(2))));
        let p = stmt!(a = x[0], b = x[5], s => a * b * s);
        [s, p]
    }
    let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let (fx, j) = tape::jacobian::<_, 16, 2>(|x| f(x), x).unwrap();
    let s: f64 = x.iter().map(|v| v * v).sum();
    assert_eq!(fx, [s, 6.0 * s]);
    assert_eq!(j[0], x.map(|v| 2.0 * v));
    let mut row = x.map(|v| 6.0 * 2.0 * v);
    row[0] += 6.0 * s;
    row[5] += s;
    assert_eq!(j[1], row);
    let mut t = Tape::<f64, 16>::new();
    assert_eq!(tape::jacobian_on(&mut t, |x| f(x), x), Ok((fx, j)));
}

/// The zero rule: an operand whose multiplier is zero passes nothing on, even through an
/// infinite derivative, as per operation; a NaN or infinity in an input propagates.
#[test]
#[allow(clippy::redundant_closure)] // a function generic over the tape goes in as a closure
fn zero_rule_and_non_finite_inputs() {
    fn f<'t>([x, y]: [Active<'t, f64>; 2]) -> Active<'t, f64> {
        let z = x * 0.0; // a multiple, 0, of x's record
        stmt!(z, y => z.sqrt() + y) // sqrt'(0) = ∞
    }
    fn g<'t>([x, y]: [Active<'t, f64>; 2]) -> Active<'t, f64> {
        (x * 0.0).sqrt() + y
    }
    assert_eq!(tape::gradient::<_, 4>(f, [2.0, 1.0]), Ok((1.0, [0.0, 1.0])));
    assert_eq!(tape::gradient::<_, 4>(g, [2.0, 1.0]), Ok((1.0, [0.0, 1.0])));

    let (v, d) = tape::gradient::<_, 4>(|x| Two::statement(x), [f64::NAN, 1.0]).unwrap();
    assert!(v.is_nan() && d[0].is_nan());
    let (_, d) = tape::gradient::<_, 4>(|x| Two::statement(x), [f64::INFINITY, 1.0]).unwrap();
    assert!(!d[0].is_finite());
}

/// A variable's `Debug` names its record's slot, counting the operand slots of statements.
#[test]
fn debug_counts_operand_slots() {
    let _ = tape::gradient::<_, 16>(
        |x: [Active<'_, f64>; 6]| {
            let s = stmt!(x => sum(x.iter().copied())); // slots 6..=9, its record at 9
            assert_eq!(format!("{s:?}"), "Active { value: 6.0, record: Some(9) }");
            let p = s * x[0];
            assert_eq!(format!("{p:?}"), "Active { value: 6.0, record: Some(10) }");
            p
        },
        [1.0; 6],
    );
}
