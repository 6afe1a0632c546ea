//! The file reader on arbitrary bytes under every name it treats differently: a text, an error,
//! never a panic; a text within the input limit; what it reads summarizes.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = [
    "a.txt",
    "a.docx",
    "a.odt",
    "a.epub",
    "a.html",
    "a.md",
    "noextension",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if let Ok(file) = gisty::read(bytes, name) {
        assert!(file.text.len() <= gisty::MAX_INPUT_BYTES, "{name}: text over the limit");
        let summary = gisty::summarize(&file.text, &gisty::Options::default());
        assert!(summary.is_ok(), "{name}: {summary:?}");
    }
});
