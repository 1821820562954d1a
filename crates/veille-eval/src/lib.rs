//! Evaluation against public benchmarks. Datasets live outside the
//! repository (see `../shared/eval/*/README.md`); callers skip with a message
//! when they are absent.

pub mod acled;
pub mod events;
pub mod extraction;
pub mod geoparse;
