//! Forward mode in chunks (issue 10): gradients at 64, 256 and 1,024 inputs and Hessians at
//! 16, 64, 100 and 256, typegrad's default chunks against other chunk lengths, one call with a
//! tangent per input (`forward_1call`), the tape (forward over reverse for Hessians) and
//! num-dual, whose vector duals carry every input's tangent.
//!
//! Backends of a gradient workload: `forward` (`gradient`, its default chunks),
//! `forward_k8` … `forward_k64` (`Chunked::<K>::gradient`), `forward_1call`
//! (`Chunked::<N>`), `num-dual`, `tape_on`. Of a Hessian workload (`hess_…`): `forward`
//! (`hessian`), `forward_k1` … `forward_k12`, `forward_1call`, `tape` (`tape::hessian`),
//! `num-dual` (`num_dual::hessian`); `hand` is the written-out Hessian.

use typegrad::generic_array::{ConstArrayLength, IntoArrayLength};
use typegrad::tape::Tape;
use typegrad::typenum::Const;
use typegrad::{Chunking, Dual, Length};

use crate::backends::{
    Hessian, Scalar, forward, forward_chunked, forward_hessian, forward_hessian_chunked, num_dual,
    num_dual_hessian, plain, tape_hessian, tape_on,
};
use crate::workloads::{rosenbrock, sinexp};
use crate::{Gradient, Sink};

/// Prints, for each input count benchmarked here, the chunk lengths `typegrad` picks: `N`,
/// the gradient's `K` and the Hessian's.
pub fn print_chunks() {
    fn line<const N: usize>()
    where
        Const<N>: Chunking<f64>,
    {
        use typegrad::typenum::Unsigned;
        let g = <Const<N> as Chunking<f64>>::Gradient::USIZE;
        let h = <Const<N> as Chunking<f64>>::Hessian::USIZE;
        println!("{N} {g} {h}");
    }
    line::<16>();
    line::<64>();
    line::<100>();
    line::<256>();
    line::<1024>();
}

/// Every pair of this file.
pub fn visit<S: Sink>(s: &mut S) {
    gradients(s);
    hessians_16(s);
    hessians_64(s);
    hessians_100(s);
    hessians_256(s);
}

/// `Chunked::<K>` where `K < N`, the tangents a dual at `N` inputs.
fn k<S: Sink, W: Scalar<N>, const N: usize, const K: usize>(s: &mut S, w: &str, f: &W, x: [f64; N])
where
    Const<K>: IntoArrayLength<ArrayLength: Length<f64>>,
{
    if K < N {
        s.run(w, &format!("forward_k{K}"), x, |x| {
            forward_chunked::<W, N, K>(f, x)
        });
    }
}

/// A gradient workload: plain, hand, the chunk lengths, num-dual and the reused tape.
#[allow(clippy::too_many_arguments)]
fn gradient<S: Sink, W: Scalar<N>, const N: usize, const CAP: usize>(
    s: &mut S,
    w: &str,
    f: &W,
    x: [f64; N],
    hand: fn([f64; N]) -> Gradient<N>,
    registered: bool,
) where
    Const<N>: Chunking<f64> + IntoArrayLength<ArrayLength: Length<f64>>,
{
    if !registered {
        s.run(w, "plain", x, |x| plain(f, x));
        s.run(w, "hand", x, hand);
        s.run(w, "forward", x, |x| forward(f, x));
        s.run(w, "num-dual", x, |x| num_dual(f, x));
        let mut t = Tape::<f64, CAP>::new();
        s.run(w, "tape_on", x, |x| tape_on::<W, N, CAP>(&mut t, f, x));
    }
    s.run(w, "forward_1call", x, |x| forward_chunked::<W, N, N>(f, x));
    k::<S, W, N, 8>(s, w, f, x);
    k::<S, W, N, 16>(s, w, f, x);
    k::<S, W, N, 32>(s, w, f, x);
    k::<S, W, N, 64>(s, w, f, x);
}

/// Gradients at 64, 256 and 1,024 inputs (Rosenbrock's at 64 and 256 are in the main
/// tables already, with their other backends).
#[inline(never)]
fn gradients<S: Sink>(s: &mut S) {
    let r = &rosenbrock::Rosenbrock;
    let e = &sinexp::SinExp;
    let hr = rosenbrock::hand::<64>;
    gradient::<S, _, 64, 315>(s, "rosenbrock64", r, rosenbrock::point(), hr, true);
    let hr = rosenbrock::hand::<256>;
    gradient::<S, _, 256, 1275>(s, "rosenbrock256", r, rosenbrock::point(), hr, true);
    let hr = rosenbrock::hand::<1024>;
    gradient::<S, _, 1024, 5115>(s, "rosenbrock1024", r, rosenbrock::point(), hr, false);
    // `N` inputs, a product a term, `N − 2` sums: 3N − 3 records.
    let he = sinexp::hand::<64>;
    gradient::<S, _, 64, 189>(s, "sinexp64", e, sinexp::point(), he, false);
    let he = sinexp::hand::<256>;
    gradient::<S, _, 256, 765>(s, "sinexp256", e, sinexp::point(), he, false);
    let he = sinexp::hand::<1024>;
    gradient::<S, _, 1024, 3069>(s, "sinexp1024", e, sinexp::point(), he, false);
}

/// `Chunked::<K>::hessian` where `K < N`.
fn hk<S: Sink, W: Scalar<N>, const N: usize, const K: usize>(s: &mut S, w: &str, f: &W, x: [f64; N])
where
    Const<K>: IntoArrayLength<ArrayLength: Length<f64> + Length<Dual<f64, ConstArrayLength<K>>>>,
{
    if K < N {
        s.run(w, &format!("forward_k{K}"), x, |x| {
            forward_hessian_chunked::<W, N, K>(f, x)
        });
    }
}

/// A Hessian workload: the written-out Hessian, forward over forward in its default chunks
/// and in chunks of 1 to 12, forward over reverse on the tape, and num-dual.
fn hessian<S: Sink, W: Scalar<N>, const N: usize, const CAP: usize>(
    s: &mut S,
    w: &str,
    f: &W,
    x: [f64; N],
    hand: fn([f64; N]) -> Hessian<N>,
) where
    Const<N>: Chunking<f64>,
{
    s.run(w, "plain", x, |x| plain(f, x));
    s.run(w, "hand", x, hand);
    s.run(w, "forward", x, |x| forward_hessian(f, x));
    hk::<S, W, N, 1>(s, w, f, x);
    hk::<S, W, N, 2>(s, w, f, x);
    hk::<S, W, N, 4>(s, w, f, x);
    hk::<S, W, N, 6>(s, w, f, x);
    hk::<S, W, N, 8>(s, w, f, x);
    hk::<S, W, N, 12>(s, w, f, x);
    s.run(w, "tape", x, |x| tape_hessian::<W, N, CAP>(f, x));
    s.run(w, "num-dual", x, |x| num_dual_hessian(f, x));
}

/// Both functions' Hessians at `N` inputs, and one call with `N` tangents over `N` where it
/// fits in memory (16 and 64 inputs).
macro_rules! hessians_at {
    ($name:ident, $n:literal, $one_call:literal) => {
        #[inline(never)]
        fn $name<S: Sink>(s: &mut S) {
            const N: usize = $n;
            let (r, x) = (&rosenbrock::Rosenbrock, rosenbrock::point());
            let w = concat!("hess_rosenbrock", $n);
            hessian::<S, _, N, { 5 * N - 5 }>(s, w, r, x, rosenbrock::hand_hessian);
            if $one_call {
                s.run(w, "forward_1call", x, |x| {
                    forward_hessian_chunked::<_, N, N>(r, x)
                });
            }
            let (e, x) = (&sinexp::SinExp, sinexp::point());
            let w = concat!("hess_sinexp", $n);
            hessian::<S, _, N, { 3 * N - 3 }>(s, w, e, x, sinexp::hand_hessian);
            if $one_call {
                s.run(w, "forward_1call", x, |x| {
                    forward_hessian_chunked::<_, N, N>(e, x)
                });
            }
        }
    };
}
hessians_at!(hessians_16, 16, true);
hessians_at!(hessians_64, 64, true);
hessians_at!(hessians_100, 100, false);
hessians_at!(hessians_256, 256, false);
