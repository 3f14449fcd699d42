//! geo's measures, unchanged, differentiated in the three modes that take generic `Float`
//! code (duals, the stack tape, the global tape), against closed forms and finite
//! differences.
//!
//! `Centroid` (and every algorithm bounded on `GeoFloat`) stays out of reach: `GeoFloat`
//! needs geo's own `GeoNum` (geo implements it for its primitive types only, and the orphan
//! rule leaves only geo, or typegrad with geo as a dependency, able to implement it for a
//! dual) and `float_next_after::NextAfter` (the same, for another crate's trait).

use geo::{Area, Distance, Euclidean, Haversine, Length, LineString, Point, Polygon, Rhumb};
use typegrad::check::check_gradient;
use typegrad::{Float, global, tape};

typegrad::global_tape!(Tape: f64, 1024);

/// `n` vertices on a wobbly circle, counter-clockwise: `[x₀, y₀, x₁, y₁, …]`.
fn ring<const M: usize>() -> [f64; M] {
    core::array::from_fn(|k| {
        let (i, n) = ((k / 2) as f64, (M / 2) as f64);
        let a = i / n * std::f64::consts::TAU;
        let r = 2.0 + 0.3 * (3.0 * a).sin();
        if k % 2 == 0 { r * a.cos() } else { r * a.sin() }
    })
}

fn points<T: Float, const M: usize>(v: &[T; M]) -> Vec<(T, T)> {
    v.chunks(2).map(|p| (p[0], p[1])).collect()
}

/// geo's area of the polygon with these vertices.
fn area<T: Float + geo::CoordNum, const M: usize>(v: [T; M]) -> T {
    Polygon::new(LineString::from(points(&v)), vec![]).unsigned_area()
}

/// geo's Euclidean length of the path through these vertices.
fn length<T: Float + geo::CoordNum, const M: usize>(v: [T; M]) -> T {
    Euclidean.length(&LineString::from(points(&v)))
}

/// geo's haversine length (metres) of the path through these (lon, lat) vertices.
fn haversine_length<T: Float + geo::CoordNum + num_traits::FromPrimitive, const M: usize>(
    v: [T; M],
) -> T {
    Haversine.length(&LineString::from(points(&v)))
}

#[test]
fn area_of_a_hundred_vertices() {
    let v = ring::<200>();
    // Shoelace: ∂A/∂xᵢ = (yᵢ₊₁ − yᵢ₋₁)/2, ∂A/∂yᵢ = (xᵢ₋₁ − xᵢ₊₁)/2 (counter-clockwise).
    let n = 100;
    let exact: [f64; 200] = core::array::from_fn(|k| {
        let i = k / 2;
        let (next, prev) = ((i + 1) % n, (i + n - 1) % n);
        if k % 2 == 0 {
            (v[2 * next + 1] - v[2 * prev + 1]) / 2.0
        } else {
            (v[2 * prev] - v[2 * next]) / 2.0
        }
    });
    let (value, g) = global::gradient::<Tape, 200>(area, v).unwrap();
    assert_eq!(value, area(v));
    let (_, t) = tape::gradient::<_, 1024>(|v| area(v), v).unwrap();
    assert_eq!(g, t, "the global and the stack tape agree bit for bit");
    for (a, e) in g.iter().zip(&exact) {
        assert!((a - e).abs() < 1e-13, "{a} {e}");
    }
    // Forward mode on a smaller polygon.
    let small = ring::<10>();
    let (_, f) = typegrad::gradient(area, small);
    assert!(check_gradient(area, small, f).passes(1e-9));
}

#[test]
fn euclidean_length() {
    let v = ring::<40>();
    // ∂L/∂pᵢ = (pᵢ − pᵢ₋₁)/|pᵢ − pᵢ₋₁| − (pᵢ₊₁ − pᵢ)/|pᵢ₊₁ − pᵢ| (ends: one term).
    let p = points(&v);
    let unit = |a: (f64, f64), b: (f64, f64)| {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let l = dx.hypot(dy);
        (dx / l, dy / l)
    };
    let mut exact = [0.0; 40];
    for i in 0..20 {
        if i > 0 {
            let u = unit(p[i - 1], p[i]);
            exact[2 * i] += u.0;
            exact[2 * i + 1] += u.1;
        }
        if i < 19 {
            let u = unit(p[i], p[i + 1]);
            exact[2 * i] -= u.0;
            exact[2 * i + 1] -= u.1;
        }
    }
    let (value, g) = typegrad::gradient(length, v);
    assert_eq!(value, length(v));
    let (_, r) = global::gradient::<Tape, 40>(length, v).unwrap();
    for ((a, b), e) in g.iter().zip(&r).zip(&exact) {
        assert!(
            (a - e).abs() < 1e-14 && (b - e).abs() < 1e-14,
            "{a} {b} {e}"
        );
    }
}

#[test]
fn haversine_and_rhumb() {
    // New York to London, and a path through Paris.
    let ends = [-74.006, 40.7128, -0.1278, 51.5074];
    let hav = |[a, b, c, d]: [f64; 4]| Haversine.distance(Point::new(a, b), Point::new(c, d));
    let (v, g) = typegrad::gradient(
        |[a, b, c, d]| Haversine.distance(Point::new(a, b), Point::new(c, d)),
        ends,
    );
    assert_eq!(v, hav(ends));
    let r = check_gradient(hav, ends, g);
    assert!(r.passes(1e-8), "{r:?}");
    let (tv, tg) = tape::gradient::<_, 32>(
        |[a, b, c, d]| Haversine.distance(Point::new(a, b), Point::new(c, d)),
        ends,
    )
    .unwrap();
    assert_eq!(tv, v);
    assert!(
        g.iter()
            .zip(&tg)
            .all(|(a, b)| (a - b).abs() <= 1e-9 * a.abs())
    );
    let path = [-74.006, 40.7128, 2.3522, 48.8566, -0.1278, 51.5074];
    let (_, g) = global::gradient::<Tape, 6>(haversine_length, path).unwrap();
    let r = check_gradient(haversine_length, path, g);
    assert!(r.passes(1e-8), "{r:?}");
    let rhumb = |[a, b, c, d]: [f64; 4]| Rhumb.distance(Point::new(a, b), Point::new(c, d));
    let (_, g) = typegrad::gradient(
        |[a, b, c, d]| Rhumb.distance(Point::new(a, b), Point::new(c, d)),
        ends,
    );
    let r = check_gradient(rhumb, ends, g);
    assert!(r.passes(1e-8), "{r:?}");
}
