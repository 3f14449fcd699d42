//! A loop: a recurrent network run for [`STEPS`] steps, `hₜ₊₁ = tanh(W·hₜ + uₜ)`, with a state
//! of [`H`] units, the `H×H` weights `W` as the [`P`] parameters (row by row), fixed inputs
//! `uₜ` and a fixed start `h₀`; the loss is `½‖h_T‖²`.

use typegrad::reverse::{Expr, sum, vars};
use typegrad::tape::{Active, Store, stmt};

use crate::backends::Scalar;
use crate::{Real, total};

/// The state's units.
pub const H: usize = 8;
/// The parameters: the weights, `H·H`.
pub const P: usize = H * H;
/// The steps.
pub const STEPS: usize = 100;

/// The inputs of every step and the start.
pub struct Rnn {
    u: [[f64; H]; STEPS],
    h0: [f64; H],
}

impl Rnn {
    /// Fixed pseudo-random inputs in `[−1, 1)` ([`uniform`](super::uniform)).
    pub fn new() -> Self {
        let mut next = super::uniform();
        let mut signed = move || 2.0 * next() - 1.0;
        let h0 = core::array::from_fn(|_| signed());
        let u = core::array::from_fn(|_| core::array::from_fn(|_| signed()));
        Rnn { u, h0 }
    }

    /// The weights: small pseudo-random numbers, so that the state neither dies out nor
    /// saturates.
    pub fn point(&self) -> [f64; P] {
        let mut next = super::uniform();
        core::array::from_fn(|_| (2.0 * next() - 1.0) * 0.8 / (H as f64).sqrt())
    }

    /// By hand: the forward pass keeps every state; then back through time,
    /// `āₜ = h̄ₜ₊₁ ⊙ (1 − hₜ₊₁²)`, `W̄ += āₜ hₜᵀ`, `h̄ₜ = Wᵀ āₜ`, from `h̄_T = h_T`.
    #[inline(never)]
    pub fn hand(&self, w: [f64; P]) -> (f64, [f64; P]) {
        let mut hs = [[0.0; H]; STEPS + 1];
        hs[0] = self.h0;
        for t in 0..STEPS {
            for i in 0..H {
                let mut a = self.u[t][i];
                for j in 0..H {
                    a += w[i * H + j] * hs[t][j];
                }
                hs[t + 1][i] = a.tanh();
            }
        }
        let f = 0.5 * hs[STEPS].iter().map(|h| h * h).sum::<f64>();
        let mut g = [0.0; P];
        let mut h_bar = hs[STEPS];
        for t in (0..STEPS).rev() {
            let a_bar: [f64; H] = core::array::from_fn(|i| {
                let h = hs[t + 1][i];
                h_bar[i] * (1.0 - h * h)
            });
            h_bar = [0.0; H];
            for i in 0..H {
                for j in 0..H {
                    g[i * H + j] += a_bar[i] * hs[t][j];
                    h_bar[j] += w[i * H + j] * a_bar[i];
                }
            }
        }
        (f, g)
    }

    /// typegrad reverse mode: each unit's new state an expression over the weights and the
    /// last states, collapsed by `eval()` (which holds its gradient in all `P` weights, so a
    /// step costs `O(P)` per unit).
    #[inline(never)]
    pub fn reverse(&self, w: [f64; P]) -> (f64, [f64; P]) {
        let w = vars!(w);
        let row = |i: usize| &w[i * H..(i + 1) * H];
        let mut h = core::array::from_fn::<_, H, _>(|i| {
            let a = sum(row(i).iter().zip(&self.h0).map(|(&wij, &hj)| wij * hj));
            (a + self.u[0][i]).tanh().eval()
        });
        for t in 1..STEPS {
            h = core::array::from_fn(|i| {
                let a = sum(row(i).iter().zip(&h).map(|(&wij, &hj)| wij * hj));
                (a + self.u[t][i]).tanh().eval()
            });
        }
        let (v, g) = (sum(h.iter().map(|&hi| hi * hi)) * 0.5).value_and_gradient();
        (v, g.into())
    }

    /// The statement-level tape: each unit's new state one statement over its row of weights
    /// and the last states ([`stmt!`]): `1 + H` records a unit and step.
    #[inline(always)]
    pub fn statements<'t, S: Store<f64>>(&self, w: [Active<'t, f64, S>; P]) -> Active<'t, f64, S> {
        let row = |i: usize| -> &[Active<'t, f64, S>; H] {
            w[i * H..(i + 1) * H].try_into().expect("a row")
        };
        let mut h = core::array::from_fn::<_, H, _>(|i| {
            stmt!(w = *row(i) => {
                let a = sum(w.iter().zip(&self.h0).map(|(&wij, &hj)| wij * hj));
                (a + self.u[0][i]).tanh()
            })
        });
        for t in 1..STEPS {
            h = core::array::from_fn(|i| {
                let v: [_; 2 * H] =
                    core::array::from_fn(|k| if k < H { row(i)[k] } else { h[k - H] });
                stmt!(v => (sum((0..H).map(|j| v[j] * v[H + j])) + self.u[t][i]).tanh())
            });
        }
        stmt!(h => sum(h.iter().map(|&hi| hi * hi)) * 0.5)
    }
}

impl Default for Rnn {
    fn default() -> Self {
        Self::new()
    }
}

impl Scalar<P> for Rnn {
    #[inline(always)]
    fn f<T: Real>(&self, w: [T; P]) -> T {
        let row = |i: usize| &w[i * H..(i + 1) * H];
        let mut h: [T; H] = core::array::from_fn(|i| {
            let a = total(row(i).iter().zip(&self.h0).map(|(&wij, &hj)| wij * hj));
            (a + self.u[0][i]).tanh()
        });
        for t in 1..STEPS {
            h = core::array::from_fn(|i| {
                let a = total(row(i).iter().zip(&h).map(|(&wij, &hj)| wij * hj));
                (a + self.u[t][i]).tanh()
            });
        }
        total(h.iter().map(|&hi| hi * hi)) * 0.5
    }
}
