//! Fuzzes the nlp stage: any UTF-8 text and publication date must give
//! spans inside the text, on character boundaries, without panicking.
//! Run: cargo fuzz run nlp   (from the repository root)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let days = u16::from_le_bytes([data[0], data[1]]) as i64;
    let Ok(text) = std::str::from_utf8(&data[2..]) else { return };
    let pub_date = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
    let a = veille_nlp::analyze(text, Some(pub_date));
    let ok = |s: veille_core::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
    assert!(a.sentences.iter().all(|s| ok(s.span)));
    assert!(a.dates.iter().all(|d| ok(d.span)));
    assert!(a.quantities.iter().all(|q| ok(q.span)));
});
