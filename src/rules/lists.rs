//! The method lists: the one place a math method is added. Each mode declares its methods
//! from them (`Float` and the inherent methods of [`Dual`](crate::Dual) and
//! [`tape::Active`](crate::tape::Active) in `src/number/`, the methods of
//! [`Expr`](crate::reverse::Expr) in `src/reverse/`), and the tests take them from here too.
//! Each list calls the macro it is given with `[extra tokens]` (what the caller passed in
//! brackets before the macro's path, or nothing) and its entries.

/// Every one-argument method of `Float` that is a plain rule, as `method Rule` pairs.
#[doc(hidden)]
#[macro_export]
macro_rules! __float_unary {
    ([$($x:tt)*] $($m:tt)+) => {
        $($m)+! {
            [$($x)*]
            sin Sin, cos Cos, tan Tan, asin Asin, acos Acos, atan Atan,
            sinh Sinh, cosh Cosh, tanh Tanh, asinh Asinh, acosh Acosh, atanh Atanh,
            exp Exp, exp2 Exp2, exp_m1 ExpM1, ln Ln, ln_1p Ln1p, log2 Log2, log10 Log10,
            sqrt Sqrt, cbrt Cbrt, recip Recip, to_degrees ToDegrees, to_radians ToRadians,
            floor Floor, ceil Ceil, round Round, trunc Trunc, fract Fract, signum Signum,
            abs Abs
        }
    };
    ($($m:tt)+) => { $crate::__float_unary! { [] $($m)+ } };
}

/// Every one-argument function `Float` lacks ([`Special`](crate::rules::Special) rules), as
/// `method Rule "what it is"` entries.
#[doc(hidden)]
#[macro_export]
macro_rules! __special_unary {
    ([$($x:tt)*] $($m:tt)+) => {
        $($m)+! {
            [$($x)*]
            erf Erf "The error function, `2/√π ∫₀ˣ e^(−t²) dt`.";
            erfc Erfc "The complementary error function, `1 − erf(x)`, accurate for large `x`.";
        }
    };
    ($($m:tt)+) => { $crate::__special_unary! { [] $($m)+ } };
}

/// Every two-argument method of `Float`, as `method Rule argument "what it is"` entries.
#[doc(hidden)]
#[macro_export]
macro_rules! __float_binary {
    ([$($x:tt)*] $($m:tt)+) => {
        $($m)+! {
            [$($x)*]
            powf Powf y "`selfʸ`; see the crate docs for `self = 0` and `self < 0`.";
            log Log base "The logarithm in base `base`.";
            max Max other "The larger value; a tie follows `self`, a NaN loses.";
            min Min other "The smaller value; a tie follows `self`, a NaN loses.";
            abs_sub AbsSub other "`max(self − other, 0)`.";
            hypot Hypot other "`√(self² + other²)` without overflow.";
            atan2 Atan2 x "The angle of the point `(x, self)`: `self` is `y`.";
            copysign Copysign sign "`|self|` with the sign of `sign`.";
        }
    };
    ($($m:tt)+) => { $crate::__float_binary! { [] $($m)+ } };
}

/// The operators, as `Trait method AssignTrait assign_method Rule RuleWithConstRight
/// RuleWithConstLeft` entries.
#[doc(hidden)]
#[macro_export]
macro_rules! __operators {
    ([$($x:tt)*] $($m:tt)+) => {
        $($m)+! {
            [$($x)*]
            Add add AddAssign add_assign Add AddC CAdd;
            Sub sub SubAssign sub_assign Sub SubC CSub;
            Mul mul MulAssign mul_assign Mul MulC CMul;
            Div div DivAssign div_assign Div DivC CDiv;
            Rem rem RemAssign rem_assign Rem RemC CRem;
        }
    };
    ($($m:tt)+) => { $crate::__operators! { [] $($m)+ } };
}
