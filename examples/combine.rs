fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let docs: Vec<gisty::Doc> = texts.iter().map(|t| gisty::Doc::from(t.as_str())).collect();
    let focus = std::env::args().nth(1);
    let o = gisty::Options {
        length: gisty::Length::Sentences(6),
        focus,
        position: std::env::var("NOPOS").is_err(),
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let m = gisty::summarize_many(&docs, &o).unwrap();
    eprintln!("{:?}", t.elapsed());
    for s in &m.sentences {
        println!("[{}] {:.3} {}", s.doc, s.score, s.text);
    }
    for r in &m.similarity {
        println!(
            "{}",
            r.iter()
                .map(|x| format!("{x:.2}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    println!("{:?}", m.duplicates);
    let k = gisty::keywords_many(&docs, 12, &o).unwrap();
    println!(
        "{}",
        k.iter()
            .map(|k| format!("{} ({:.2}, {})", k.text, k.score, k.count))
            .collect::<Vec<_>>()
            .join("; ")
    );
    for t in &texts[..] {
        let k = gisty::keywords(t, 8, &o).unwrap();
        println!(
            "  {}",
            k.iter()
                .map(|k| k.text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
}
