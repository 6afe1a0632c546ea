//! The five sample articles of `tests/data/samples` (real news of one event), for the tests that
//! read them all: `(file name, text)`, in file name order.

pub fn samples() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/data/samples in the repository")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect()
}
