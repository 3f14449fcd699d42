//! The log-likelihood of logistic regression, `Σᵢ yᵢ·zᵢ − ln(1 + e^zᵢ)` with `zᵢ = xᵢ·β`,
//! over `P` parameters `β` and `OBS` fixed observations.

use typegrad::reverse::{Expr, sum, vars};
use typegrad::tape::{Active, Store, stmt};

use crate::backends::Scalar;
use crate::{Real, total};

/// Observations: `OBS` rows of `P` covariates (the first is 1, the intercept) and 0/1 labels.
pub struct Logistic<const OBS: usize, const P: usize> {
    x: [[f64; P]; OBS],
    y: [f64; OBS],
}

impl<const OBS: usize, const P: usize> Logistic<OBS, P> {
    /// Fixed pseudo-random data ([`uniform`](super::uniform)).
    pub fn new() -> Self {
        let mut next = super::uniform();
        let x = core::array::from_fn(|_| {
            core::array::from_fn(|j| if j == 0 { 1.0 } else { 2.0 * next() - 1.0 })
        });
        let y = core::array::from_fn(|_| if next() < 0.5 { 0.0 } else { 1.0 });
        Logistic { x, y }
    }

    /// The point: small alternating coefficients.
    pub fn point(&self) -> [f64; P] {
        core::array::from_fn(|j| 0.25 * if j % 2 == 0 { 1.0 } else { -1.0 } / (j + 1) as f64)
    }

    /// By hand: `z̄ᵢ = yᵢ − σ(zᵢ)`, `β̄ⱼ = Σᵢ z̄ᵢ·xᵢⱼ`.
    #[inline(never)]
    pub fn hand(&self, b: [f64; P]) -> (f64, [f64; P]) {
        let mut f = 0.0;
        let mut g = [0.0; P];
        for (xi, &yi) in self.x.iter().zip(&self.y) {
            let mut z = 0.0;
            for j in 0..P {
                z += xi[j] * b[j];
            }
            let e = z.exp();
            let u = 1.0 + e;
            f += yi * z - u.ln();
            let z_bar = yi - e / u;
            for j in 0..P {
                g[j] += z_bar * xi[j];
            }
        }
        (f, g)
    }
}

/// typegrad reverse mode: `vars` on the array, `sum` over observations, and `bind` to share
/// each `zᵢ` (a nested `sum`) between its two uses; and the same expressions on the tape,
/// recorded as statements. (Written per size: the operators on array variables need a
/// concrete input count.)
macro_rules! reverse_at {
    ($($obs:literal x $p:literal),*) => {$(
        impl Logistic<$obs, $p> {
            /// The log-likelihood and its gradient in typegrad's reverse mode.
            #[inline(never)]
            pub fn reverse(&self, b: [f64; $p]) -> (f64, [f64; $p]) {
                let b = vars!(b);
                let e = sum(self.x.iter().zip(&self.y).map(|(xi, &yi)| {
                    b.dot(xi).bind(|z| z * yi - (z.exp() + 1.0).ln())
                }));
                { let (v, g) = e.value_and_gradient(); (v, g.into()) }
            }

            /// The statement-level tape, the log-likelihood one statement over the `P`
            /// parameters ([`stmt!`]): `1 + P/2` records besides the inputs.
            #[inline(always)]
            pub fn statement<'t, S: Store<f64>>(
                &self,
                b: [Active<'t, f64, S>; $p],
            ) -> Active<'t, f64, S> {
                stmt!(b => sum(self.x.iter().zip(&self.y).map(|(xi, &yi)| {
                    sum(b.iter().zip(xi).map(|(&bj, &xij)| bj * xij))
                        .bind(|z| z * yi - (z.exp() + 1.0).ln())
                })))
            }

            /// The statement-level tape, a statement per observation over the `P` parameters
            /// (`1 + P/2` records), added up by the tape's operations (a record each).
            #[inline(always)]
            pub fn statements<'t, S: Store<f64>>(
                &self,
                b: [Active<'t, f64, S>; $p],
            ) -> Active<'t, f64, S> {
                let mut terms = self.x.iter().zip(&self.y).map(|(xi, &yi)| {
                    stmt!(b => sum(b.iter().zip(xi).map(|(&bj, &xij)| bj * xij))
                        .bind(|z| z * yi - (z.exp() + 1.0).ln()))
                });
                let first = terms.next().expect("an observation");
                terms.fold(first, |l, t| l + t)
            }
        }
    )*};
}
reverse_at!(8 x 4, 64 x 8, 64 x 256);

impl<const OBS: usize, const P: usize> Default for Logistic<OBS, P> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const OBS: usize, const P: usize> Scalar<P> for Logistic<OBS, P> {
    #[inline(always)]
    fn f<T: Real>(&self, b: [T; P]) -> T {
        total(self.x.iter().zip(&self.y).map(|(xi, &yi)| {
            let z = total(b.iter().zip(xi).map(|(&bj, &xij)| bj * xij));
            z * yi - (z.exp() + 1.0).ln()
        }))
    }
}
