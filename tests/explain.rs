//! Why this sentence: `Options::explain` on the sample articles. Each explanation must agree
//! with the scores the summary and `rank` report: its parts add up to the score, its ranks are
//! the scores' order, what it was preferred over was not chosen and scored what `rank` says.
#![cfg(all(not(target_arch = "wasm32"), feature = "explain"))]

use gisty::{
    rank, summarize, summarize_many, Doc, Explanation, Length, Method, Options, ScoredSentence,
    Why, PREFERRED,
};

#[path = "support/samples.rs"]
mod samples;
use samples::samples;

fn explained(method: Method) -> Options {
    Options {
        method,
        explain: true,
        ..Options::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// 1 + how many sentences score above `score`, or as much with a lower index: the rank the
/// explanation must give.
fn rank_of(all: &[ScoredSentence], s: &ScoredSentence) -> usize {
    1 + all
        .iter()
        .filter(|o| o.score > s.score || (o.score == s.score && o.index < s.index))
        .count()
}

/// What every single-text explanation must satisfy, whatever the method.
fn check_common(text: &str, options: &Options) -> Vec<(ScoredSentence, Explanation)> {
    let summary = summarize(text, options).unwrap();
    let all = rank(text, options).unwrap();
    assert!(!summary.sentences.is_empty());
    let chosen: Vec<usize> = summary.sentences.iter().map(|s| s.index).collect();
    let mut out = Vec::new();
    for s in &summary.sentences {
        let e = *s
            .explanation
            .clone()
            .expect("an explanation on every chosen sentence");
        assert_eq!(e.score, s.score);
        assert_eq!(e.of, all.len());
        assert_eq!(e.rank, rank_of(&all, s), "{}", s.text);
        assert!(e.concepts.is_none(), "one text has no concepts");
        assert!(!e.preferred_over.is_empty() && e.preferred_over.len() <= PREFERRED);
        for p in &e.preferred_over {
            assert!(
                !chosen.contains(&p.index),
                "passed over yet chosen: {}",
                p.index
            );
            assert_eq!(p.score, all[p.index].score, "the score rank gives");
            match &p.why {
                Why::Repeats {
                    index, similarity, ..
                } => {
                    assert!(chosen.contains(index), "repeats a sentence not chosen");
                    assert!(*similarity > options.redundancy && *similarity <= 1.0 + 1e-6);
                }
                Why::Budget => {
                    assert!(p.score <= s.score, "out of budget yet above the chosen one")
                }
            }
        }
        out.push((s.clone(), e));
    }
    out
}

#[test]
fn the_default_method_parts_add_up_to_the_score() {
    for (name, text) in samples() {
        for length in [Length::Sentences(3), Length::Ratio(0.6)] {
            let o = Options {
                length,
                ..explained(Method::Gisty)
            };
            let all = rank(&text, &o).unwrap();
            for (s, e) in check_common(&text, &o) {
                let c = e
                    .centrality
                    .as_ref()
                    .expect("the default method uses centrality");
                let mut sum = c.part;
                if let Some(p) = &e.position {
                    assert_eq!(p.index, s.index);
                    assert!(p.prior > 0.0 && p.prior <= 1.0 && p.weight > 0.0);
                    assert!(close(p.part, p.weight * p.prior * e.length.unwrap()));
                    sum += p.part;
                }
                if let Some(t) = &e.title {
                    for w in &t.terms {
                        assert!(s.text.contains(w.as_str()), "{w} not in {}", s.text);
                    }
                    assert_eq!(t.terms.is_empty(), t.overlap == 0.0, "{name}");
                    sum += t.part;
                }
                assert!(close(sum, e.score), "{name}: {sum} != {}", e.score);
                // Centrality's rank is its order among the sentences: the most central one of
                // a long summary's chosen sentences ranks above the others.
                assert!(c.rank >= 1 && c.rank <= all.len() && c.of == all.len());
                assert!(c.value > 0.0);
            }
            // A 60% summary is about coverage: the lede does not count.
            if length == Length::Ratio(0.6) {
                let s = summarize(&text, &o).unwrap();
                assert!(s.sentences.iter().all(|s| s
                    .explanation
                    .as_ref()
                    .unwrap()
                    .position
                    .is_none()));
            }
        }
    }
}

#[test]
fn centrality_ranks_are_the_order_of_the_centrality_values() {
    let text = &samples()[2].1;
    let o = Options {
        length: Length::Sentences(5),
        ..explained(Method::Gisty)
    };
    let mut seen: Vec<(f64, usize)> = summarize(text, &o)
        .unwrap()
        .sentences
        .iter()
        .map(|s| {
            let c = s.explanation.as_ref().unwrap().centrality.clone().unwrap();
            (c.value, c.rank)
        })
        .collect();
    seen.sort_by(|a, b| b.0.total_cmp(&a.0));
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1), "{seen:?}");
}

#[test]
fn lead_and_lexrank_show_only_what_they_use() {
    let text = &samples()[1].1;
    for (s, e) in check_common(text, &explained(Method::Lead)) {
        let p = e.position.expect("LEAD is position");
        assert_eq!(p.part, s.score);
        assert_eq!(p.lede_rank, s.index + 1);
        assert!(e.centrality.is_none() && e.title.is_none() && e.length.is_none());
    }
    let o = explained(Method::LexRank);
    let all = rank(text, &o).unwrap();
    for (s, e) in check_common(text, &o) {
        let c = e.centrality.expect("LexRank is centrality");
        assert_eq!(c.value, s.score);
        assert_eq!(c.part, s.score);
        assert_eq!(c.rank, rank_of(&all, &s));
        assert!(e.position.is_none() && e.title.is_none() && e.focus.is_none());
    }
}

#[test]
fn the_focus_factor_takes_the_parts_to_the_score() {
    let text = &samples()[1].1;
    for method in [Method::Gisty, Method::TextRank] {
        let o = Options {
            focus: Some("Florida meetings".into()),
            ..explained(method)
        };
        let mut matched = 0;
        for (s, e) in check_common(text, &o) {
            let f = e.focus.clone().expect("the focus changed the scores");
            let parts = [
                e.position.as_ref().map_or(0.0, |p| p.part),
                e.centrality.as_ref().map_or(0.0, |c| c.part),
                e.title.as_ref().map_or(0.0, |t| t.part),
            ];
            assert!(close(parts.iter().sum(), f.before), "{method:?}");
            assert!(close(f.before * f.factor, e.score));
            assert!((0.0..=1.0).contains(&f.relevance));
            assert_eq!(f.terms.is_empty(), f.relevance == 0.0);
            for w in &f.terms {
                assert!(s.text.contains(w.as_str()));
            }
            matched += usize::from(!f.terms.is_empty());
        }
        assert!(
            matched > 0,
            "{method:?}: no chosen sentence matches the focus"
        );
    }
}

#[test]
fn repeats_name_the_chosen_sentence_they_repeat() {
    let text = &samples()[1].1;
    let o = Options {
        length: Length::Sentences(5),
        redundancy: 0.1,
        ..explained(Method::Gisty)
    };
    let repeats: usize = check_common(text, &o)
        .iter()
        .flat_map(|(_, e)| &e.preferred_over)
        .filter(|p| matches!(p.why, Why::Repeats { .. }))
        .count();
    assert!(repeats > 0, "a low redundancy passes some over as repeats");
}

#[test]
fn a_combined_summary_names_its_concepts() {
    let samples = samples();
    let docs: Vec<Doc> = samples.iter().map(|(_, t)| Doc::from(t.as_str())).collect();
    let m = summarize_many(&docs, &explained(Method::Gisty)).unwrap();
    let chosen: Vec<(usize, usize)> = m.sentences.iter().map(|s| (s.doc, s.index)).collect();
    for s in &m.sentences {
        let e = s.explanation.as_ref().expect("explained");
        assert_eq!(e.score, s.score);
        assert_eq!(e.of, m.total_sentences);
        assert!(e.position.is_none() && e.centrality.is_none() && e.title.is_none());
        let c = e.concepts.as_ref().expect("concept coverage");
        assert_eq!(c.weight, s.score);
        assert!(!c.top.is_empty() && c.count >= c.top.len());
        assert!(c.top.windows(2).all(|w| w[0].weight >= w[1].weight));
        let listed: f64 = c.top.iter().map(|k| k.weight).sum();
        assert!(listed <= c.weight + 1e-9);
        for k in &c.top {
            assert!(s.text.contains(&k.words), "{:?} not in {}", k.words, s.text);
            assert!(k.documents >= 2 && k.documents <= docs.len());
        }
        assert!(s.support.contains(&s.doc));
        for p in &e.preferred_over {
            assert!(!chosen.contains(&(p.doc, p.index)));
        }
    }
}

#[test]
fn explaining_changes_nothing_else() {
    let samples = samples();
    let docs: Vec<Doc> = samples.iter().map(|(_, t)| Doc::from(t.as_str())).collect();
    for method in [Method::Gisty, Method::LexRank, Method::Lead] {
        let on = explained(method);
        let off = Options {
            explain: false,
            ..on.clone()
        };
        let strip = |v: Vec<ScoredSentence>| -> Vec<ScoredSentence> {
            v.into_iter()
                .map(|s| ScoredSentence {
                    explanation: None,
                    ..s
                })
                .collect()
        };
        for (_, text) in &samples {
            let a = summarize(text, &off).unwrap();
            assert!(a.sentences.iter().all(|s| s.explanation.is_none()));
            assert_eq!(strip(summarize(text, &on).unwrap().sentences), a.sentences);
            assert!(rank(text, &on)
                .unwrap()
                .iter()
                .all(|s| s.explanation.is_none()));
        }
        let a = summarize_many(&docs, &off).unwrap();
        assert_eq!(
            strip(summarize_many(&docs, &on).unwrap().sentences),
            a.sentences
        );
    }
}
