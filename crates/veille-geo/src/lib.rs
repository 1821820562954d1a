//! Geography: the gazetteer ([`gazetteer`]), toponym recognition and
//! resolution ([`toponyms`]), streets and roads (`streets`).
//!
//! The gazetteer is built from GeoNames by `scripts/build-gazetteer.sh`
//! into `data/gazetteer/` and embedded in the binary; it is loaded once per
//! process ([`Gazetteer::global`]).

pub mod fold;
pub mod gazetteer;
pub mod overlay;
mod streets;
pub mod toponyms;
mod words;

pub use gazetteer::{Entry, Gazetteer, Kind};
pub use toponyms::{find_places, GeoAnalysis};

/// Great-circle distance in kilometres between two (lat, lon) points.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    6371.0 * 2.0 * h.sqrt().asin()
}

/// The point `km` kilometres from `from` (lat, lon) on the initial bearing
/// `bearing` (degrees clockwise from north), on a sphere.
pub fn destination(from: (f64, f64), bearing: f64, km: f64) -> (f64, f64) {
    let (la, lo) = (from.0.to_radians(), from.1.to_radians());
    let (b, d) = (bearing.to_radians(), km / 6371.0);
    let la2 = (la.sin() * d.cos() + la.cos() * d.sin() * b.cos()).asin();
    let lo2 = lo + (b.sin() * d.sin() * la.cos()).atan2(d.cos() - la.sin() * la2.sin());
    (la2.to_degrees(), (lo2.to_degrees() + 540.0) % 360.0 - 180.0)
}
