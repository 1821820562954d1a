//! `veille eval dedup` on the committed set of paired and unpaired reports:
//! runs end to end and does not fall below the scores measured when the set
//! was last tuned (pairwise precision 1.000, recall 0.926).

mod common;

#[test]
fn dedup_eval_runs_and_holds_its_scores() {
    let set = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/dedup/reports.jsonl"
    );
    let s = common::run_ok(&["eval", "dedup", "--dataset", set]);
    let score = |key: &str| common::value(&s, key);
    assert!(score("pairwise precision ") >= 0.97, "{s}");
    assert!(score("pairwise recall ") >= 0.92, "{s}");
    assert!(s.lines().last().unwrap().starts_with("pairwise-F1 "), "{s}");
}

/// The held-out set (`data/eval/dedup/heldout.jsonl`, written by a session
/// that never saw the rules, and not tuned on since): the scores it had when
/// it was added (precision 0.960, recall 0.750) must not drop.
#[test]
fn dedup_holds_on_the_held_out_reports() {
    let set = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/dedup/heldout.jsonl"
    );
    let s = common::run_ok(&["eval", "dedup", "--dataset", set]);
    let score = |key: &str| common::value(&s, key);
    assert!(score("pairwise precision ") >= 0.95, "{s}");
    assert!(score("pairwise recall ") >= 0.74, "{s}");
}
