//! The three worked examples of the tutorial typegrad started from, each computed three
//! ways: by hand (backprop written out node by node), with the operator-overloading
//! interface (`grad(f)`, forward mode), and as a computation graph (a reverse-mode
//! expression, whose graph is its type).
//!
//! Run with `cargo run --example three_ways`.

use typegrad::reverse::{self, Expr, vars};
use typegrad::{Float, derivative, grad, gradient};

/// Example 1 as generic code: `f(x, y, z) = (2x + y)·z`.
fn f1<T: Float>([x, y, z]: [T; 3]) -> T {
    (T::from(2.0).unwrap() * x + y) * z
}

/// Example 3 as generic code: `f(x, y) = y³·10·exp(sin x) + cos²x`.
fn f3<T: Float>([x, y]: [T; 2]) -> T {
    y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
}

fn main() {
    println!("1. f(x, y, z) = (2x + y)·z at (1, 2, 3)");
    // By hand: the forward pass, then each node's adjoint from the output back.
    let (x, y, z) = (1.0_f64, 2.0, 3.0);
    let q = 2.0 * x + y; // node 1
    let f = q * z; // node 2
    let f_bar = 1.0;
    let (q_bar, z_bar) = (z * f_bar, q * f_bar); // node 2's inputs
    let (x_bar, y_bar) = (2.0 * q_bar, q_bar); // node 1's inputs
    println!("   by hand:     {f:?} {:?}", [x_bar, y_bar, z_bar]);
    // grad(f) returns a function, as in autograd.
    let f_grad = grad(f1);
    println!(
        "   grad(f):     {:?} {:?}",
        f1([x, y, z]),
        f_grad([x, y, z])
    );
    // The graph: building the expression evaluates it; its type is the graph.
    let (xv, yv, zv) = vars!((x, y, z));
    let e = (2.0 * xv + yv) * zv;
    println!(
        "   graph:       {:?} {:?}",
        e.value(),
        e.gradient().as_slice()
    );
    println!("   its type:    {}", graph(core::any::type_name_of_val(&e)));

    println!("2. f(x) = 10·exp(sin x) + cos²x at x = 1000");
    let x = 1000.0_f64;
    let (a, b) = (x.sin(), x.cos()); // node 1
    let c = b * b; // node 3
    let d = a.exp(); // node 4
    let f = 10.0 * d + c; // node 5
    let (d_bar, c_bar) = (10.0, 1.0); // node 5's inputs
    let a_bar = a.exp() * d_bar; // node 4's input
    let b_bar = 2.0 * b * c_bar; // node 3's input
    let x_bar = x.cos() * a_bar - x.sin() * b_bar; // nodes 1 and 2
    println!("   by hand:     {f:?} {x_bar:?}");
    let (v, d) = derivative(|x| 10.0 * x.sin().exp() + x.cos().powi(2), x);
    println!("   derivative:  {v:?} {d:?}");
    let (v, [d]) = reverse::gradient(|(x,)| 10.0 * x.sin().exp() + x.cos().powi(2), (x,));
    println!("   graph:       {v:?} {d:?}");

    println!("3. f(x, y) = y³·10·exp(sin x) + cos²x at (2, 3)");
    let (v, g) = gradient(f3, [2.0, 3.0]);
    println!("   gradient:    {v:?} {g:?}");
    println!(
        "   grad(f):     {:?} {:?}",
        f3([2.0, 3.0]),
        grad(f3)([2.0, 3.0])
    );
    let (v, g) = reverse::gradient(
        |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
        (2.0, 3.0),
    );
    println!("   graph:       {v:?} {g:?}");
}

/// A node type's name without module paths, without the context parameter every inner node
/// carries (`Ctx<…>`: scalar type, input count, buffer length, set, placeholders, depth
/// budget) and
/// without the set every variable carries (`Set<…>`, the brand of its `vars!` call).
fn graph(type_name: &str) -> String {
    let mut out = String::new();
    let mut rest = type_name;
    while let Some(c) = rest.chars().next() {
        let skipped = [
            ", typegrad::reverse::shape::Ctx<",
            ", typegrad::reverse::brand::Set<",
        ];
        if let Some(after) = skipped.iter().find_map(|p| rest.strip_prefix(p)) {
            // Skip to the matching '>'.
            let mut depth = 1;
            let end = after
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '<' => 1,
                        '>' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(after.len(), |(i, _)| i + 1);
            rest = &after[end..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    // Keep the last segment of every path.
    out.split_inclusive(['<', '>', ',', ' '])
        .map(|piece| piece.rsplit("::").next().unwrap_or(piece))
        .collect()
}
