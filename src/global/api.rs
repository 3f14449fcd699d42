//! Gradients and Jacobians on a global tape: one recording per call, ended however the
//! call ends (a panic in the function included).

use core::marker::PhantomData;

use super::store::{CONSTANT, NONE};
use super::{Error, Global, Var};
use crate::array::indexed;

/// The variables of `N` inputs on `G`.
type Vars<G, const N: usize> = [Var<<G as Global>::T, G>; N];

/// Values and Jacobian of `M` outputs of `N` inputs.
type Rows<T, const N: usize, const M: usize> = ([T; M], [[T; N]; M]);

/// A recording in progress on `G`; dropping it ends the recording.
struct Session<G: Global>(PhantomData<G>);

impl<G: Global> Session<G> {
    /// Starts a recording of the inputs `x`: the variables, or `Nested` if `G` is recording.
    fn start<const N: usize>(x: [G::T; N]) -> Result<(Self, Vars<G, N>), Error> {
        let (id, cap) =
            G::with(|s| Ok((s.start(N)?, s.capacity()))).unwrap_or(Err(Error::Nested))?;
        let vars = indexed(x, |i, v| {
            // Past the capacity the inputs are counted only (and the call fails).
            let index = if i < cap { i as u32 } else { NONE };
            Var::at(v, <G::T as num_traits::One>::one(), index, id)
        });
        Ok((Session(PhantomData), vars))
    }

    /// The derivatives of `y` in the inputs, by one sweep from `y` (the adjoints must be
    /// zero), and its value.
    fn pull<const N: usize>(&self, y: Var<G::T, G>) -> Result<(G::T, [G::T; N]), Error> {
        let pulled = G::with(|s| {
            if !s.owns(y.id) {
                return Err(Error::Stale);
            }
            s.status()?;
            if y.id != CONSTANT {
                s.sweep(y.i, y.s);
            }
            Ok((y.v, core::array::from_fn(|i| s.adjoint(i))))
        });
        pulled.unwrap_or(Err(Error::Stale))
    }
}

impl<G: Global> Drop for Session<G> {
    fn drop(&mut self) {
        G::with(|s| s.stop());
    }
}

/// Whether `G` is recording on this thread.
fn busy<G: Global>() -> bool {
    G::with(|s| s.is_recording()) == Some(true)
}

/// The value and gradient of `f` at `x`, by reverse mode on the global tape `G` (declared
/// with [`global_tape!`](crate::global_tape)): `f` is recorded once and swept back once.
///
/// The first generic argument names the tape; write `_` for the input count. The call
/// fails, never giving a wrong gradient, when `G` is already recording (with `std`: on this thread)
/// ([`Error::Nested`]), when a variable of another recording meets this one or is returned
/// ([`Error::Stale`]), or when the tape is too small ([`Error::Capacity`]).
///
/// ```
/// use typegrad::{global, Float};
/// typegrad::global_tape!(Tape: f64, 256);
/// fn rosenbrock<T: Float>(x: [T; 8]) -> T {
///     let c = T::from(100.0).unwrap();
///     (0..7).fold(T::zero(), |s, i| {
///         s + c * (x[i + 1] - x[i].powi(2)).powi(2) + (T::one() - x[i]).powi(2)
///     })
/// }
/// let (v, g) = global::gradient::<Tape, _>(|x| rosenbrock(x), [0.5; 8]).unwrap();
/// assert_eq!((v, g), typegrad::gradient(|x| rosenbrock(x), [0.5; 8]));
/// ```
pub fn gradient<G: Global, const N: usize>(
    f: impl FnOnce([Var<G::T, G>; N]) -> Var<G::T, G>,
    x: [G::T; N],
) -> Result<(G::T, [G::T; N]), Error> {
    if busy::<G>() {
        return Err(Error::Nested);
    }
    G::recording(|| {
        let (session, vars) = Session::<G>::start(x)?;
        let y = f(vars);
        session.pull(y)
    })
}

/// The values and Jacobian (`M` rows of gradients) of `f` at `x` on the global tape `G`:
/// one recording, one sweep per output. It fails as [`gradient`] does.
///
/// ```
/// use typegrad::{global, Float};
/// typegrad::global_tape!(Tape: f64, 16);
/// let (fx, j) = global::jacobian::<Tape, _, 2>(|[r, a]| [r * a.cos(), r * a.sin()], [2.0, 0.0])
///     .unwrap();
/// assert_eq!(fx, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, -0.0], [0.0, 2.0]]);
/// ```
pub fn jacobian<G: Global, const N: usize, const M: usize>(
    f: impl FnOnce([Var<G::T, G>; N]) -> [Var<G::T, G>; M],
    x: [G::T; N],
) -> Result<Rows<G::T, N, M>, Error> {
    if busy::<G>() {
        return Err(Error::Nested);
    }
    G::recording(|| {
        let (session, vars) = Session::<G>::start(x)?;
        let y = f(vars);
        let mut rows = [[<G::T as num_traits::Zero>::zero(); N]; M];
        for (k, (row, &yk)) in rows.iter_mut().zip(&y).enumerate() {
            if k > 0 {
                G::with(|s| s.reset());
            }
            *row = session.pull(yk)?.1;
        }
        Ok((y.map(|yk| yk.v), rows))
    })
}
