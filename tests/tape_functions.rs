//! Whole functions through the tape: Rosenbrock and the logistic log-likelihood against
//! their hand-written gradients, capacity overflow, mixed tapes, Jacobians, edge cases.

use typegrad::tape::{self, Active, Tape, TapeError};
use typegrad::{Float, gradient, jacobian};

fn rosenbrock<T: Float, const N: usize>(x: [T; N]) -> T {
    let c = T::from(100.0).unwrap();
    let mut s = T::zero();
    for i in 0..N - 1 {
        s = s + c * (x[i + 1] - x[i].powi(2)).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

fn rosenbrock_hand<const N: usize>(x: [f64; N]) -> (f64, [f64; N]) {
    let mut g = [0.0; N];
    let mut s = 0.0;
    for i in 0..N - 1 {
        let a = x[i + 1] - x[i] * x[i];
        let b = 1.0 - x[i];
        s += 100.0 * a * a + b * b;
        g[i] += -400.0 * a * x[i] - 2.0 * b;
        g[i + 1] += 200.0 * a;
    }
    (s, g)
}

/// Samples in the log-likelihood.
const M: usize = 5;

fn samples<const N: usize>() -> ([[f64; N]; M], [f64; M]) {
    let xs = core::array::from_fn(|k| {
        core::array::from_fn(|j| (((k * 7 + j * 3) % 11) as f64 - 5.0) / (5.0 * N as f64).sqrt())
    });
    (xs, core::array::from_fn(|k| (k % 2) as f64))
}

/// Σₖ yₖ zₖ − ln(1 + e^zₖ), zₖ = w · xₖ.
fn loglik<T: Float, const N: usize>(w: [T; N], xs: &[[f64; N]; M], ys: &[f64; M]) -> T {
    let mut l = T::zero();
    for (x, &y) in xs.iter().zip(ys) {
        let z = w
            .iter()
            .zip(x)
            .fold(T::zero(), |z, (&wj, &xj)| z + wj * T::from(xj).unwrap());
        l = l + T::from(y).unwrap() * z - z.exp().ln_1p();
    }
    l
}

fn loglik_hand<const N: usize>(w: [f64; N], xs: &[[f64; N]; M], ys: &[f64; M]) -> (f64, [f64; N]) {
    let mut g = [0.0; N];
    let mut l = 0.0;
    for (x, &y) in xs.iter().zip(ys) {
        let z: f64 = w.iter().zip(x).map(|(a, b)| a * b).sum();
        l += y * z - z.exp().ln_1p();
        let r = y - 1.0 / (1.0 + (-z).exp());
        for (gj, xj) in g.iter_mut().zip(x) {
            *gj += r * xj;
        }
    }
    (l, g)
}

fn close<const N: usize>(a: [f64; N], b: [f64; N]) {
    for (x, y) in a.iter().zip(&b) {
        assert!((x - y).abs() <= 1e-12 * y.abs().max(1.0), "{a:?}\n!= {b:?}");
    }
}

fn point<const N: usize>() -> [f64; N] {
    core::array::from_fn(|i| 0.3 + 0.17 * (i % 9) as f64 - 0.05 * (i % 4) as f64)
}

/// Rosenbrock, on an exact capacity: `N` inputs and 3 records per term but the first.
macro_rules! rosenbrock_at {
    ($($name:ident $n:literal),*) => {$(
        #[test]
        fn $name() {
            let x = point::<$n>();
            let (v, g) = tape::gradient::<_, { $n + 3 * ($n - 1) - 1 }>(|x| rosenbrock(x), x).unwrap();
            let (vh, gh) = rosenbrock_hand(x);
            assert!((v - vh).abs() <= 1e-12 * vh.abs());
            assert_eq!(v, rosenbrock(x));
            close(g, gh);
        }
    )*};
}
rosenbrock_at!(rosenbrock_2 2, rosenbrock_16 16, rosenbrock_64 64, rosenbrock_256 256);

/// The log-likelihood, on a caller-owned tape and by the closure form.
macro_rules! loglik_at {
    ($($name:ident $n:literal),*) => {$(
        #[test]
        fn $name() {
            const CAP: usize = $n + M * ($n + 1);
            let (xs, ys) = samples::<$n>();
            let w = point::<$n>();
            let mut t = Tape::<f64, CAP>::new();
            let (v, g) = tape::gradient_on(&mut t, |w| loglik(w, &xs, &ys), w).unwrap();
            let (vh, gh) = loglik_hand(w, &xs, &ys);
            assert!((v - vh).abs() <= 1e-12 * vh.abs());
            close(g, gh);
            let again = tape::gradient::<_, CAP>(|w| loglik(w, &xs, &ys), w);
            assert_eq!(again, Ok((v, g)));
        }
    )*};
}
loglik_at!(loglik_2 2, loglik_16 16, loglik_64 64, loglik_256 256);

/// 8 inputs, 3 records per term but the first (`0 + …` records nothing): 28 records.
const NEED: usize = 8 + 3 * 7 - 1;

#[test]
fn overflow_reports_the_exact_capacity() {
    let x = point::<8>();
    let want = tape::gradient::<_, NEED>(|x| rosenbrock(x), x).unwrap();
    assert_eq!(
        tape::gradient::<_, { NEED - 1 }>(|x| rosenbrock(x), x),
        Err(TapeError::Capacity { required: NEED })
    );
    assert_eq!(
        tape::gradient::<_, { NEED + 1 }>(|x| rosenbrock(x), x),
        Ok(want)
    );
    assert_eq!(
        tape::gradient::<_, 3>(|x| rosenbrock(x), x),
        Err(TapeError::Capacity { required: NEED })
    );
}

#[test]
fn required_counts_what_the_capacity_error_reports() {
    let x = point::<8>();
    assert_eq!(tape::required(|x| rosenbrock(x), x), NEED);
    let mut t = Tape::<f64, NEED>::new();
    assert!(tape::gradient_on(&mut t, |x| rosenbrock(x), x).is_ok());
    assert_eq!(t.len(), NEED);
    // Inputs past any capacity are counted too; constants and one-variable operations are not.
    assert_eq!(
        tape::required(|[x, y, _]| (x * 2.0).sin() + y, [1.0_f64, 2.0, 3.0]),
        4
    );
    assert_eq!(tape::required(|[_]| 1.0.into(), [1.0]), 1);
    // The count follows the branches taken at the point.
    fn branchy<T: Float>([x, y]: [T; 2]) -> T {
        if x > y { x * y } else { x * y * x * y }
    }
    assert_eq!(tape::required(|x| branchy(x), [2.0, 1.0]), 3);
    assert_eq!(tape::required(|x| branchy(x), [1.0, 2.0]), 5);
    assert_eq!(
        tape::gradient::<_, 4>(|x| branchy(x), [1.0, 2.0]),
        Err(TapeError::Capacity { required: 5 })
    );
}

#[test]
fn unused_capacity_changes_nothing() {
    let x = point::<8>();
    let exact = tape::gradient::<_, NEED>(|x| rosenbrock(x), x);
    assert_eq!(tape::gradient::<_, 4096>(|x| rosenbrock(x), x), exact);
    assert_eq!(tape::gradient::<_, 30_000>(|x| rosenbrock(x), x), exact);
    assert_eq!(exact.map(|(v, _)| v), Ok(rosenbrock_hand(x).0));
}

#[test]
fn values_stay_exact_past_the_capacity() {
    let x = point::<8>();
    let mut seen = f64::NAN;
    let r = tape::gradient::<_, 10>(
        |x| {
            let y = rosenbrock(x);
            seen = y.value();
            y
        },
        x,
    );
    assert_eq!(r, Err(TapeError::Capacity { required: NEED }));
    assert_eq!(seen, rosenbrock(x));
}

#[test]
fn a_tape_is_reused_after_an_overflow() {
    let x = point::<8>();
    let mut t = Tape::<f64, NEED>::new();
    assert!(tape::gradient_on(&mut t, |x| rosenbrock(x), x).is_ok());
    let mut big = Tape::<f64, 12>::new();
    assert_eq!(
        tape::gradient_on(&mut big, |x| rosenbrock(x), x),
        Err(TapeError::Capacity { required: NEED })
    );
    assert_eq!(big.len(), NEED);
    assert_eq!(
        tape::gradient_on(&mut big, |[a, b]| a * b, [2.0, 3.0]),
        Ok((6.0, [3.0, 2.0]))
    );
    assert_eq!(
        tape::gradient_on(&mut t, |x| rosenbrock(x), x),
        tape::gradient::<_, NEED>(|x| rosenbrock(x), x)
    );
}

#[test]
fn too_many_inputs_overflow() {
    assert_eq!(
        tape::gradient::<_, 2>(|x: [_; 3]| x[0] + x[1], [1.0, 2.0, 3.0]),
        Err(TapeError::Capacity { required: 4 })
    );
}

#[test]
fn constants_record_nothing() {
    let mut t = Tape::<f64, 4>::new();
    let r = tape::gradient_on(
        &mut t,
        |[x, y]| {
            let big: Active<'_, f64, Tape<f64, 4>> = Float::max_value();
            let c = (big.exp() * 2.0 + 1.0).min(3.0.into());
            let d = (x.sin() * 2.0 + c).powi(3) / 4.0 - 1.0; // one variable: no record
            d + y
        },
        [0.5, 1.0],
    );
    assert_eq!(t.len(), 3);
    let (_, g) = r.unwrap();
    let want = 3.0 * (0.5_f64.sin() * 2.0 + 3.0).powi(2) / 4.0 * 2.0 * 0.5_f64.cos();
    assert!((g[0] - want).abs() < 1e-13 * want && g[1] == 1.0);
}

#[test]
fn a_constant_or_an_input_as_the_output() {
    assert_eq!(
        tape::gradient::<_, 2>(|[_, _]| 4.0.into(), [1.0, 2.0]),
        Ok((4.0, [0.0, 0.0]))
    );
    assert_eq!(
        tape::gradient::<_, 2>(|[_, y]| y, [1.0, 2.0]),
        Ok((2.0, [0.0, 1.0]))
    );
    assert_eq!(
        tape::gradient::<_, 2>(|[_, y]| -y * 3.0, [1.0, 2.0]),
        Ok((-6.0, [0.0, -3.0]))
    );
}

#[test]
fn operators_with_plain_numbers_and_assignments() {
    fn f<T: Float>([x, y]: [T; 2]) -> T {
        x * y
    }
    // One formula for both modes (a macro: `2.0 * x` with a plain f64 on the left is not
    // something a generic `T: Float` function can write).
    macro_rules! mixed {
        () => {
            |[x, y]| {
                let mut s = 2.0 * x + y / 3.0 - (1.0 - x) * 0.5 + 4.0 / y + 7.5 % y + x % 0.75;
                s += x;
                s -= 0.5;
                s *= y;
                s /= 2.0;
                s %= 100.0;
                s + f([x, y])
            }
        };
    }
    let (v, g) = tape::gradient::<_, 16>(mixed!(), [1.25_f64, 2.0]).unwrap();
    let (vd, gd) = gradient(mixed!(), [1.25_f64, 2.0]);
    assert_eq!(v, vd);
    close(g, gd);
    let (v, g) = tape::gradient::<_, 4>(|[x]| 2.0_f32 * x.sin(), [1.0_f32]).unwrap();
    assert_eq!((v, g), (2.0 * 1.0_f32.sin(), [2.0 * 1.0_f32.cos()]));
}

#[test]
fn jacobian_matches_forward_mode() {
    fn f<T: Float>([x, y, z]: [T; 3]) -> [T; 2] {
        [x * y.sin() + z, (x * z).exp() - y.powi(2)]
    }
    let p = [0.5, 1.5, -0.25];
    let (fx, j) = tape::jacobian::<_, 8, 2>(|x| f(x), p).unwrap();
    let (fd, jd) = jacobian(f, p);
    assert_eq!(fx, fd);
    for (r, rd) in j.iter().zip(&jd) {
        close(*r, *rd);
    }
    let mut t = Tape::<f64, 8>::new();
    assert_eq!(tape::jacobian_on(&mut t, |x| f(x), p), Ok((fx, j)));
    assert_eq!(
        tape::jacobian::<_, 5, 2>(|x| f(x), p),
        Err(TapeError::Capacity { required: 7 })
    );
}

#[test]
fn zero_times_infinity() {
    // sqrt'(0) = ∞ reaches the output: the gradient is infinite.
    let (_, g) = tape::gradient::<_, 4>(|[x, y]| x.sqrt() + y, [0.0, 1.0]).unwrap();
    assert_eq!(g, [f64::INFINITY, 1.0]);
    // An unused result with an infinite partial propagates nothing.
    let (_, g) = tape::gradient::<_, 4>(
        |[x, y]| {
            let _unused = x.sqrt() * y;
            y
        },
        [0.0, 1.0],
    )
    .unwrap();
    assert_eq!(g, [0.0, 1.0]);
    // A zero multiplier stays zero through an infinite derivative, as in forward mode.
    let (_, g) = tape::gradient::<_, 4>(|[x, y]| (x * 0.0).sqrt() + y, [1.0_f64, 1.0]).unwrap();
    let (_, gd) = gradient(|[x, y]| (x * 0.0).sqrt() + y, [1.0_f64, 1.0]);
    assert_eq!(g, gd);
    assert_eq!(g, [0.0, 1.0]);
}

#[test]
fn nan_and_infinity_flow_through() {
    let (v, g) = tape::gradient::<_, 4>(|[x, y]| x * y + x.ln(), [f64::NAN, 1.0]).unwrap();
    assert!(v.is_nan() && g[0].is_nan());
    let (v, _) = tape::gradient::<_, 4>(|[x, y]| x * y, [f64::INFINITY, 0.0]).unwrap();
    assert!(v.is_nan());
}

#[test]
fn display_and_debug() {
    let _ = tape::gradient::<_, 4>(
        |[x]| {
            let y = x * x;
            assert_eq!(
                format!("{y} {y:.2} {y:?}"),
                "2.25 2.25 Active { value: 2.25, record: Some(1) }"
            );
            y
        },
        [1.5_f64],
    );
}

/// The num-traits surface of tape variables (shared with `Dual` through one macro): each
/// trait's result and its derivative through the tape.
#[test]
fn number_traits_surface() {
    use num_traits::{
        Bounded, FloatConst, FromPrimitive, Inv, MulAdd, NumCast, Pow, Signed, ToPrimitive,
    };
    let (v, g) = tape::gradient::<_, 64>(
        |[x, y]| {
            type V<'t> = typegrad::tape::Active<'t, f64>;
            let c: V = NumCast::from(2_u8).unwrap();
            let d = V::from_f64(0.5).unwrap();
            assert_eq!(
                (x.to_i32(), <V as Bounded>::max_value().value()),
                (Some(3), f64::MAX)
            );
            assert!(c.is_constant() && V::PI().is_constant() && V::default().is_constant());
            let mut z = Signed::abs(&-x) * c + x.inv() + x.pow(2) + x.pow(d) + x.pow(y);
            z += 1.0;
            z = 2.0 * z - 1.0 / x;
            let s: V = [x, y, z].into_iter().sum();
            let p: V = [x, y].iter().product();
            MulAdd::mul_add(s, p, V::E())
        },
        [3.0_f64, 2.0],
    )
    .unwrap();
    // Closed form: z = 2(2x + 1/x + x² + √x + xʸ + 1) − 1/x; f = (x + y + z)·xy + e.
    let (x, y) = (3.0_f64, 2.0_f64);
    let z = 2.0 * (2.0 * x + 1.0 / x + x * x + x.sqrt() + x.powf(y) + 1.0) - 1.0 / x;
    let dz_dx = 2.0 * (2.0 - 1.0 / (x * x) + 2.0 * x + 0.5 / x.sqrt() + y * x.powf(y - 1.0))
        + 1.0 / (x * x);
    let dz_dy = 2.0 * x.powf(y) * x.ln();
    let s = x + y + z;
    let want = [(1.0 + dz_dx) * x * y + s * y, (1.0 + dz_dy) * x * y + s * x];
    assert!((v - (s * x * y + core::f64::consts::E)).abs() < 1e-12 * v.abs());
    for (gi, wi) in g.iter().zip(want) {
        assert!((gi - wi).abs() < 1e-12 * wi.abs(), "{g:?} vs {want:?}");
    }
}
