//! Evaluation against public benchmarks. Datasets live outside the
//! repository (see `../shared/eval/*/README.md`); callers skip with a message
//! when they are absent.

pub mod acled;
pub mod events;
pub mod extraction;
pub mod geoparse;

/// F1 from true positives, false positives and false negatives (0 when
/// undefined).
pub fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let ratio = |a: usize, b: usize| {
        if a + b > 0 {
            a as f64 / (a + b) as f64
        } else {
            0.0
        }
    };
    let (p, r) = (ratio(tp, fp), ratio(tp, fn_));
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}
