//! Fuzzes toponym recognition and resolution: any UTF-8 text gives spans
//! inside the text, on character boundaries, without panicking.
//! Run: cargo fuzz run geo   (from the repository root)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let gaz = veille_geo::Gazetteer::global();
    let sentences = veille_nlp::split_sentences(text);
    let g = veille_geo::find_places(text, &sentences, gaz);
    for t in &g.toponyms {
        let s = t.mention.span;
        assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
});
