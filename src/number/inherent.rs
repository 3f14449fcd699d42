//! The inherent methods of a [`Number`](super::Number) type: the math methods of `Float`
//! again (from the method lists, each calling `Float`'s), so that a call is never ambiguous
//! whichever traits with the same names are in scope (`Float`, nalgebra's `ComplexField`
//! and `RealField`, `Ord`'s `max`, `min` and `clamp` in the prelude) and works with none of
//! them imported; and what `Float` lacks: any rule of the table or of your own (`apply`,
//! `apply2`), and the special functions (`erf`, …).

macro_rules! inherent_for {
    ([$($g:tt)*] $ty:ty, $t:ident, $name:literal, $pre:literal, $post:literal) => {
        impl<$($g)*> $ty {
            /// A constant, as `From<T>`; inherent, so that `from(c)` stays unambiguous when
            /// `num_traits::NumCast` (which has its own `from`) is in scope.
            ///
            /// ```
            /// use num_traits::NumCast;
            #[doc = $pre]
            #[doc = concat!("let c = <", $name, ">::from(2.0);")]
            /// assert_eq!((c.value(), NumCast::from(2_u8).map(|d: f64| d)), (2.0, Some(2.0)));
            #[doc = $post]
            /// ```
            #[allow(clippy::should_implement_trait)]
            #[inline(always)]
            pub fn from(c: $t) -> Self {
                $crate::number::Number::lift(c)
            }

            /// Any one-argument rule, the crate's or your own (see the [`rules`](crate::rules)
            /// module for one written out): its value and derivative, with the chain rule
            /// applied. The same rule works in every mode.
            ///
            /// ```
            /// use typegrad::rules::Sqrt;
            #[doc = $pre]
            /// assert_eq!(x.apply(Sqrt).value(), 0.5_f64.sqrt());
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn apply<R: $crate::rules::Unary<$t>>(self, rule: R) -> Self {
                $crate::number::Number::map1(self, rule)
            }

            /// Any two-argument rule applied to `(self, other)`.
            ///
            /// ```
            /// use typegrad::rules::Hypot;
            #[doc = $pre]
            /// assert_eq!(x.apply2(x, Hypot).value(), 0.5_f64.hypot(0.5));
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn apply2<R: $crate::rules::Binary<$t>>(self, other: Self, rule: R) -> Self {
                $crate::number::Number::map2(self, other, rule)
            }

            $crate::__special_unary!([$pre, $post] $crate::number::inherent::special);
            $crate::__float_unary!([$pre, $post] $crate::number::inherent::unary);
            $crate::__float_binary!([$pre, $post] $crate::number::inherent::binary);

            /// `selfⁿ` for an integer `n`, as `Float::powi`.
            ///
            /// ```
            #[doc = $pre]
            /// assert_eq!(x.powi(3).value(), 0.125);
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn powi(self, n: i32) -> Self {
                num_traits::Float::powi(self, n)
            }

            /// `self · a + b` with one rounding, as `Float::mul_add`.
            ///
            /// ```
            #[doc = $pre]
            /// assert_eq!(x.mul_add(x, x).value(), 0.75);
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn mul_add(self, a: Self, b: Self) -> Self {
                num_traits::Float::mul_add(self, a, b)
            }

            /// `(sin, cos)` from one `sin_cos` call, as `Float::sin_cos`.
            ///
            /// ```
            #[doc = $pre]
            /// assert_eq!(x.sin_cos().0.value(), 0.5_f64.sin());
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn sin_cos(self) -> (Self, Self) {
                num_traits::Float::sin_cos(self)
            }

            /// `min` if below it, then `max` if above that, else `self` (crossed bounds give
            /// `max`), following the chosen side; never panics, unlike `f64::clamp` with NaN
            /// or crossed bounds.
            ///
            /// ```
            #[doc = $pre]
            /// assert_eq!(x.clamp(x * 2.0, x * 3.0).value(), 1.0);
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn clamp(self, min: Self, max: Self) -> Self {
                num_traits::Float::clamp(self, min, max)
            }
        }
    };
}

/// An inherent method for each one-argument method of `Float` in the list.
macro_rules! unary {
    ([$pre:literal, $post:literal] $($name:ident $rule:ident),*) => {$(
        #[doc = concat!("`", stringify!($name), "`, as `Float::", stringify!($name), "`, with its derivative from [`rules::", stringify!($rule), "`](crate::rules::", stringify!($rule), ").")]
        ///
        /// ```
        #[doc = $pre]
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value().to_bits(), 0.5_f64.", stringify!($name), "().to_bits());")]
        #[doc = $post]
        /// ```
        #[inline(always)]
        pub fn $name(self) -> Self {
            num_traits::Float::$name(self)
        }
    )*};
}

/// An inherent method for each two-argument method of `Float` in the list.
macro_rules! binary {
    ([$pre:literal, $post:literal] $($name:ident $rule:ident $arg:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        #[doc = concat!("As `Float::", stringify!($name), "`, with its derivatives from [`rules::", stringify!($rule), "`](crate::rules::", stringify!($rule), ").")]
        ///
        /// ```
        #[doc = $pre]
        #[doc = concat!("assert_eq!(x.", stringify!($name), "(x).value().to_bits(), num_traits::Float::", stringify!($name), "(0.5_f64, 0.5).to_bits());")]
        #[doc = $post]
        /// ```
        #[inline(always)]
        pub fn $name(self, $arg: Self) -> Self {
            num_traits::Float::$name(self, $arg)
        }
    )*};
}

/// An inherent method for each function of the special list.
macro_rules! special {
    ([$pre:literal, $post:literal] $($name:ident $rule:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        ///
        /// ```
        #[doc = $pre]
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value(), libm::", stringify!($name), "(0.5));")]
        #[doc = $post]
        /// ```
        #[inline(always)]
        pub fn $name(self) -> Self {
            $crate::number::Number::map1(self, $crate::rules::$rule)
        }
    )*};
}

pub(crate) use {binary, inherent_for, special, unary};
