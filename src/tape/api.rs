//! Gradients and Jacobians through a tape: on a tape made inside the call (closure forms,
//! mixing tapes is a compile error) or on a caller-owned tape (by-name forms, reuse).

use super::{Active, NONE, Tape, TapeError};
use crate::Scalar;
use crate::array::indexed;

mod sealed {
    pub trait Sealed {}
    impl<T, const N: usize> Sealed for [T; N] {}
}

/// A point to differentiate at: `[T; N]`, which the function receives as `N` variables.
///
/// It names the variables' type for each tape lifetime, which lets [`gradient`] take the
/// point's type as its first generic argument (always written `_`) and the capacity as its
/// second: `tape::gradient::<_, CAP>(f, x)`.
///
/// ```
/// use typegrad::tape::{Point, Active};
/// fn vars<'t>(v: <[f64; 2] as Point>::Vars<'t, 8>) -> [Active<'t, f64, 8>; 2] {
///     v
/// }
/// ```
pub trait Point: sealed::Sealed + Copy {
    /// The number type, `T` in `[T; N]`.
    type Scalar: Scalar;
    /// The variables the function receives: `[Active<'t, T, CAP>; N]`.
    type Vars<'t, const CAP: usize>
    where
        Self::Scalar: 't;
    /// Clears the tape and records the inputs.
    #[doc(hidden)]
    fn seed<const CAP: usize>(self, tape: &Tape<Self::Scalar, CAP>) -> Self::Vars<'_, CAP>;
    /// Reads the inputs' adjoints after a sweep.
    #[doc(hidden)]
    fn adjoints<const CAP: usize>(tape: &Tape<Self::Scalar, CAP>) -> Self;
}

impl<T: Scalar, const N: usize> Point for [T; N] {
    type Scalar = T;
    type Vars<'t, const CAP: usize>
        = [Active<'t, T, CAP>; N]
    where
        T: 't;
    #[inline(always)]
    fn seed<const CAP: usize>(self, tape: &Tape<T, CAP>) -> [Active<'_, T, CAP>; N] {
        tape.start(N);
        indexed(self, |i, v| {
            // Past `CAP` the inputs are counted only (and the call fails).
            let index = if i < CAP { i as u32 } else { NONE };
            Active::at(v, T::one(), index, Some(tape))
        })
    }
    #[inline(always)]
    fn adjoints<const CAP: usize>(tape: &Tape<T, CAP>) -> Self {
        tape.inputs_adjoint()
    }
}

/// A function of the variables of `X` on a tape with lifetime `'t`, returning `Y`: the bound
/// of the closure forms, which holds for every `'t` (so variables cannot leave the call).
///
/// It is `FnOnce(X::Vars<'t, CAP>) -> Y` under another name, which lets `Y` mention `'t`;
/// every such closure or function implements it.
///
/// ```
/// use typegrad::tape::{Recording, Active};
/// fn takes<F: for<'t> Recording<'t, [f64; 2], 8, Active<'t, f64, 8>>>(_: F) {}
/// takes(|[x, y]| x * y);
/// ```
pub trait Recording<'t, X: Point + 't, const CAP: usize, Y>: FnOnce(X::Vars<'t, CAP>) -> Y {}

impl<'t, X: Point + 't, const CAP: usize, Y, F: FnOnce(X::Vars<'t, CAP>) -> Y>
    Recording<'t, X, CAP, Y> for F
{
}

/// Records `f` at `x` on `tape` (cleared first) and returns the outputs.
#[inline(always)]
fn record<'t, X: Point, Y, const CAP: usize>(
    tape: &'t Tape<X::Scalar, CAP>,
    f: impl FnOnce(X::Vars<'t, CAP>) -> Y,
    x: X,
) -> Y {
    f(x.seed(tape))
}

/// The value of `y` and the derivatives of `y` in the inputs: one sweep.
#[inline(always)]
fn pull<X: Point, const CAP: usize>(
    tape: &Tape<X::Scalar, CAP>,
    y: Active<'_, X::Scalar, CAP>,
) -> Result<(X::Scalar, X), TapeError> {
    if y.tape.is_some_and(|t| !core::ptr::eq(t, tape)) {
        return Err(TapeError::Mixed);
    }
    tape.status()?;
    tape.sweep(y.i, y.s);
    Ok((y.v, X::adjoints(tape)))
}

/// The value and gradient of `f` at `x`, by reverse mode on a tape of `CAP` records made
/// inside the call (on the stack): the function is recorded once and swept back once.
///
/// `CAP` counts the inputs and every operation of two variables; operations of one
/// variable (`sin`, `powi`, `x * 2.0`, a variable with a constant) and of constants are free. If it is too small, the error says which capacity the recording needs. The
/// first generic argument is the point's type: write `_`.
///
/// ```
/// use typegrad::{tape, Float};
/// fn rosenbrock<T: Float>(x: [T; 2]) -> T {
///     let c = T::from(100.0).unwrap();
///     c * (x[1] - x[0].powi(2)).powi(2) + (T::one() - x[0]).powi(2)
/// }
/// let (v, g) = tape::gradient::<_, 16>(|x| rosenbrock(x), [1.5, 2.0]).unwrap();
/// assert_eq!(v, rosenbrock([1.5, 2.0]));
/// assert_eq!(g, [-400.0 * 1.5 * (2.0 - 2.25) - 2.0 * (1.0 - 1.5), 200.0 * (2.0 - 2.25)]);
///
/// let err = tape::gradient::<_, 3>(|x| rosenbrock(x), [1.5, 2.0]).unwrap_err();
/// // 2 inputs, a record for each `-` and `+` of two variables; `powi`, `c *` record nothing
/// assert_eq!(err, tape::TapeError::Capacity { required: 4 });
/// ```
///
/// The variables live only inside the call, so the variables of two tapes cannot meet:
///
/// ```compile_fail
/// use typegrad::tape;
/// tape::gradient::<_, 8>(|[x]| {
///     tape::gradient::<_, 8>(|[y]| x * y, [2.0_f64]).unwrap(); // x is another tape's
///     x
/// }, [1.0_f64]);
/// ```
#[inline]
pub fn gradient<X: Point, const CAP: usize>(
    f: impl for<'t> Recording<'t, X, CAP, Active<'t, X::Scalar, CAP>>,
    x: X,
) -> Result<(X::Scalar, X), TapeError> {
    let tape = Tape::new();
    let y = record(&tape, f, x);
    pull(&tape, y)
}

/// The value and gradient of `f` at `x` on a caller-owned tape, which is cleared first and
/// can be reused; a generic function can be passed by name.
///
/// Variables of another tape used in `f` make it return [`TapeError::Mixed`].
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let mut t = Tape::<f64, 8>::new();
/// assert_eq!(tape::gradient_on(&mut t, f, [3.0, 0.0]), Ok((3.0, [1.0, 3.0])));
/// assert_eq!(tape::gradient_on(&mut t, f, [1.0, 0.0]), Ok((1.0, [1.0, 1.0])));
/// ```
#[inline]
pub fn gradient_on<'t, T: Scalar, const CAP: usize, const N: usize>(
    tape: &'t mut Tape<T, CAP>,
    f: impl FnOnce([Active<'t, T, CAP>; N]) -> Active<'t, T, CAP>,
    x: [T; N],
) -> Result<(T, [T; N]), TapeError> {
    let tape: &'t Tape<T, CAP> = tape;
    let y = record(tape, f, x);
    pull(tape, y)
}

/// The values and adjoint sweeps of `M` outputs.
#[inline(always)]
fn rows<X: Point, const CAP: usize, const M: usize>(
    tape: &Tape<X::Scalar, CAP>,
    y: [Active<'_, X::Scalar, CAP>; M],
) -> Result<([X::Scalar; M], [X; M]), TapeError> {
    let mut j = [X::adjoints(tape); M];
    for (k, (row, &yi)) in j.iter_mut().zip(&y).enumerate() {
        if k > 0 {
            tape.reset();
        }
        *row = pull(tape, yi)?.1;
    }
    Ok((y.map(|yi| yi.v), j))
}

/// The values and Jacobian (`M` rows of gradients) of a function with `M` outputs: one
/// recording on a tape of `CAP` records made inside the call, one sweep per output.
///
/// The generic arguments are the point's type (`_`), the capacity and the output count
/// (`_`).
///
/// ```
/// use typegrad::{tape, Float};
/// let (fx, j) = tape::jacobian::<_, 8, _>(|[x, y]| [x * y, x.sin() + y], [1.0_f64, 2.0])
///     .unwrap();
/// assert_eq!(fx, [2.0, 1.0_f64.sin() + 2.0]);
/// assert_eq!(j, [[2.0, 1.0], [1.0_f64.cos(), 1.0]]);
/// ```
#[inline]
pub fn jacobian<X: Point, const CAP: usize, const M: usize>(
    f: impl for<'t> Recording<'t, X, CAP, [Active<'t, X::Scalar, CAP>; M]>,
    x: X,
) -> Result<([X::Scalar; M], [X; M]), TapeError> {
    let tape = Tape::new();
    let y = record(&tape, f, x);
    rows(&tape, y)
}

/// [`jacobian`] on a caller-owned tape, cleared first; a generic function can be passed by
/// name.
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn polar<T: Float>([r, a]: [T; 2]) -> [T; 2] {
///     [r * a.cos(), r * a.sin()]
/// }
/// let mut t = Tape::<f64, 8>::new();
/// let (fx, j) = tape::jacobian_on(&mut t, polar, [2.0, 0.0]).unwrap();
/// assert_eq!(fx, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, -0.0], [0.0, 2.0]]);
/// ```
#[inline]
pub fn jacobian_on<'t, T: Scalar, const CAP: usize, const N: usize, const M: usize>(
    tape: &'t mut Tape<T, CAP>,
    f: impl FnOnce([Active<'t, T, CAP>; N]) -> [Active<'t, T, CAP>; M],
    x: [T; N],
) -> Result<([T; M], [[T; N]; M]), TapeError> {
    let tape: &'t Tape<T, CAP> = tape;
    let y = record(tape, f, x);
    rows(tape, y)
}
