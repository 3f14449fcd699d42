//! Reverse mode: expressions as nested generic types, differentiated by a monomorphized
//! reverse pass.
//!
//! Ordinary operators and the `Float` method names build an expression whose type is its
//! computation graph: `(2.0 * x + y) * z` is a product of a sum of a scaled variable and a
//! variable, with a variable. Building it is the forward pass: every node caches its value.
//! [`Expr::gradient`] runs one reverse pass that walks the type and writes each adjoint into
//! a fixed-length array; after inlining it is the straight-line code one writes by hand.
//!
//! ```
//! use typegrad::reverse::{self, vars, Expr};
//!
//! let (x, y, z) = vars!((1.0_f64, 2.0, 3.0)); // three variables: each knows its index and its set
//! let e = (2.0 * x + y) * z; // a nested type; value cached
//! assert_eq!(e.value(), 12.0);
//! let g = e.gradient(); // length 3, indexable
//! assert_eq!(g.as_slice(), &[6.0, 3.0, 4.0]);
//! let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f64, 2.0, 3.0));
//! assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));
//! ```
//!
//! # Loops, branches and sharing
//!
//! An expression's type grows with the formula, so a loop cannot build one expression.
//! Three tools cover what types alone cannot:
//!
//! - [`Expr::eval`] collapses an expression into an [`Evaluated`] leaf holding its value and
//!   gradient (cost O(N) for N inputs), which can be stored, looped over and branched on
//!   (statement-level reverse mode).
//! - `e.bind(|a| body)` shares `e` inside `body` without copying its tree: `a` is a
//!   placeholder whose adjoint accumulates in a scratch slot; the reverse pass walks the body,
//!   then `e` once. A placeholder used outside its body, and a nested bind that would share
//!   its slot, are compile errors (see [`Bind`]).
//! - [`vars!`](crate::vars) on an array gives a [`VarArray`], variables of one type whose
//!   positions are their indices, and [`sum`] adds up an iterator of like-typed terms, so
//!   Rosenbrock over 64 inputs is a loop; [`VarArray::dot`] is a dot product with a row of
//!   constants as one node.
//!
//! # Sets of variables
//!
//! Each [`vars!`](crate::vars) call brands its variables with a type declared where it is
//! written, so variables of two calls, of any sizes, never meet in one expression: a
//! compile error at the mixing line ([`SameSet`]). A call that runs more than once (a loop,
//! a function called twice) shares its brand between runs: keep each run's variables to
//! that run (see [`vars!`](crate::vars)). The closure forms
//! ([`gradient`], [`hessian`], [`hvp`]) hand their closure a set of their own ([`Call`]).
//!
//! # Generic code
//!
//! A function generic over the input count and the set needs one bound: [`Vars`] (see its
//! docs for a Rosenbrock written once for every `N`).
//!
//! # Compile time
//!
//! Each node adds one level to an expression's type, and rustc proves an expression's traits
//! by walking that type, one step of its `recursion_limit` (128 by default) per level: an
//! unbounded chain overflowed it at about 120 operations (E0275). So every node carries a
//! depth budget in its type ([`Budget`]), and the node that spends it, [`DEPTH`] levels
//! above the leaves, is built as a [`Folded`] leaf holding its value and gradient, as
//! `eval()` would make it: a chain of any length compiles at the default limits. A fold costs
//! `O(N)` for `N` inputs at run time (a gradient buffer), and changes the order in which
//! partials are multiplied, so gradients through one can differ from the unfolded ones in the
//! last bits; expressions shallower than [`DEPTH`] are unchanged.
//!
//! Each inner node names its context ([`Ctx`]: scalar, input count, buffer length, set,
//! placeholders, depth budget) instead of asking its children for it (asked of the children,
//! every node made rustc walk the tree below it). Folded parts of one type are compiled once
//! (a chain of 256 repeated operations builds as fast as one of 64); distinct operations cost
//! about 6 to 14 ms each in a release build, growing with the size of the one function the
//! expression is inlined into: split a long distinct computation with `eval()` or
//! `#[inline(never)]` functions (BENCHMARKS.md, "Compile time against expression size").

mod api;
mod array;
mod bind;
mod brand;
mod closure;
mod dot;
mod expr;
mod fold;
mod holes;
mod leaf;
mod node;
mod ops;
mod shape;
mod sum;

pub use crate::vars;

/// A type parameter held only as a marker: no value, no variance or auto-trait effects.
type Phantom<T> = core::marker::PhantomData<fn() -> T>;
pub use api::Inputs;
pub use array::{IntoIter, VarArray, Windows};
pub use bind::{Bind, Binds, Hole, HoleOf};
#[doc(hidden)]
pub use brand::Scope;
pub use brand::{Call, Set};
pub use closure::{gradient, hessian, hvp};
pub use dot::Dot;
pub use expr::{Expr, Formula, Vars};
pub use fold::{Budget, DEPTH, Folded, Fresh, Grown, Left, Spent};
pub use holes::{Close, Closed, Depth, Holes, Merge, Merged, Pow2, SlotFree};
pub use leaf::{DynVar, Evaluated, Konst, Var};
pub use node::{Bin, Fma, Node, Un};
pub use ops::Operand;
pub use shape::{Ctx, Join, Join3, Joined, SameSet, Shape, ShapeOf};
pub use sum::{Sum, sum};
