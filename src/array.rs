//! A helper on plain arrays, for the modes' seeding of inputs.

/// `f(i, x[i])` for every element, in order.
#[inline(always)]
pub(crate) fn indexed<T, U, const N: usize>(x: [T; N], mut f: impl FnMut(usize, T) -> U) -> [U; N] {
    let mut i = 0;
    x.map(|v| {
        let u = f(i, v);
        i += 1;
        u
    })
}
