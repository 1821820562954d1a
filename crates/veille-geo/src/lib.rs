//! Geography: the gazetteer ([`gazetteer`]), toponym recognition and
//! resolution ([`toponyms`]).
//!
//! The gazetteer is built from GeoNames by `scripts/build-gazetteer.sh`
//! into `data/gazetteer/` and embedded in the binary; it is loaded once per
//! process ([`Gazetteer::global`]).

pub mod fold;
pub mod gazetteer;
pub mod toponyms;

pub use gazetteer::{Entry, Gazetteer, Kind};
pub use toponyms::{find_places, GeoAnalysis};
