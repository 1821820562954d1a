//! Fuzzes extraction: any bytes give an article or an error, never a panic,
//! and the article text is what its id hashes.
//! Run: cargo fuzz run extract   (from the repository root)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = veille_core::RawDocument { bytes: data.to_vec(), ..Default::default() };
    if let Ok(a) = veille_extract::extract(&doc) {
        assert_eq!(a.id, veille_extract::content_hash(&a.text));
    }
});
