//! The gisty command line: argument parsing and I/O around the library.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

use gisty::{
    Doc, Engine, Explanation, Keyword, Language, Length, Method, Options, ScoredSentence, Why,
    MAX_FILE_BYTES,
};
use serde_json::{json, Value};

mod request;

/// The words a batch engine's lexicon has room for from the start (see
/// [`Engine::with_lexicon_room`]): the most a lexicon is kept with.
#[cfg(not(target_arch = "wasm32"))]
const BATCH_WORDS: usize = 1 << 16;

/// An engine for many texts: one whose lexicon has room for [`BATCH_WORDS`] words (a plain
/// engine in a WebAssembly build of the CLI, which is only compiled, by the browser tests).
fn batch_engine() -> Engine {
    #[cfg(not(target_arch = "wasm32"))]
    return Engine::with_lexicon_room(BATCH_WORDS);
    #[cfg(target_arch = "wasm32")]
    return Engine::new();
}

const USAGE: &str = "\
usage: gisty [OPTIONS] [FILE...]

Summarizes each FILE (standard input when none) and prints the summary sentences, one a line.
A FILE is text (UTF-8, UTF-16 with a byte-order mark, or else windows-1252), Markdown, HTML,
a Word document (.docx), an OpenDocument text (.odt) or an EPUB book (.epub).

options:
  -n, --sentences N     at most N sentences (default 3)
  -r, --ratio R         a share of the sentences, 0 < R <= 1 (or a percentage: 30%)
  -w, --words N         at most N words
  -m, --method NAME     gisty (default), lexrank, textrank, lead
  -t, --title TEXT      the text's title, when it is not its first line
  -l, --language CODE   the text's language: auto (default: detected, for each file on its
                        own) or an ISO 639-1 code: ar da de el en es fi fr hu it ja ko nl no
                        pt ro ru sv ta tr zh, or und (no stemming, no stop words); a language
                        this build cannot stem is summarized as und
      --redundancy X    similarity above which a sentence counts as a repeat, 0..1 (default 0.5)
      --no-position     do not use the lede position (default method)
  -f, --focus TEXT      steer the summary toward these words
  -c, --combine         one summary of all FILEs together, each line prefixed by its file;
                        near-duplicate files are reported on stderr
  -k, --keywords N      also print the top N key phrases (\"keywords: a; b; ...\"; with
                        --json or --jsonl, \"keywords\": [{phrase, score, count}, ...])
  -e, --explain         say why each sentence was chosen: the parts of its score, the
                        concepts it covers (--combine) and what it was preferred over; an
                        indented \"why:\" line under each sentence, or \"explanation\" on each
                        sentence with --json (\"explanations\" with --jsonl)
      --json            print each summary as JSON: sentences with index, score and byte
                        span, and \"language\" (\"languages\" by file with --combine)
      --jsonl           batch mode: each stdin line {\"id\", \"text\", \"title\"?, \"focus\"?} or
                        {\"id\", \"docs\": [text, ...], \"focus\"?} gives one stdout line
                        {\"id\", \"summary\": [sentence, ...], \"language\"} (with \"docs\": also
                        \"sources\", the document index of each sentence, \"support\", the
                        documents that report each sentence's content, and \"languages\")
  -j, --jobs N          --jsonl lines answered by N threads at once, output in input order
                        (default: one a core)
  -h, --help            this help
";

struct Args {
    options: Options,
    json: bool,
    jsonl: bool,
    /// Threads for --jsonl; `None`: one a core.
    jobs: Option<usize>,
    combine: bool,
    keywords: usize,
    files: Vec<String>,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut a = Args {
        options: Options::default(),
        json: false,
        jsonl: false,
        jobs: None,
        combine: false,
        keywords: 0,
        files: Vec::new(),
    };
    let mut length_set: Option<String> = None;
    while let Some(arg) = argv.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        let mut set_length = |len: Length, flag: &str| -> Result<(), String> {
            if let Some(prev) = &length_set {
                return Err(format!("{flag} and {prev} cannot be used together"));
            }
            length_set = Some(flag.to_string());
            a.options.length = len;
            Ok(())
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "-n" | "--sentences" => {
                let v = value(&flag)?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--sentences takes a whole number, got {v:?}"))?;
                set_length(Length::Sentences(n), "--sentences")?;
            }
            "-r" | "--ratio" => {
                let v = value(&flag)?;
                let r = match v.strip_suffix('%') {
                    Some(p) => p.parse::<f64>().map(|x| x / 100.0),
                    None => v.parse::<f64>(),
                }
                .map_err(|_| {
                    format!("--ratio takes a number in (0, 1] or a percentage, got {v:?}")
                })?;
                set_length(Length::Ratio(r), "--ratio")?;
            }
            "-w" | "--words" => {
                let v = value(&flag)?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--words takes a whole number, got {v:?}"))?;
                set_length(Length::Words(n), "--words")?;
            }
            "-m" | "--method" => {
                a.options.method = Method::parse(&value(&flag)?).map_err(|e| e.to_string())?
            }
            "-t" | "--title" => a.options.title = Some(value(&flag)?),
            "-l" | "--language" => {
                let v = value(&flag)?;
                a.options.language = if v.trim().eq_ignore_ascii_case("auto") {
                    None
                } else {
                    Some(v.parse::<Language>().map_err(|e| e.to_string())?)
                };
            }
            "--redundancy" => {
                let v = value(&flag)?;
                a.options.redundancy = v
                    .parse()
                    .map_err(|_| format!("--redundancy takes a number from 0 to 1, got {v:?}"))?;
            }
            "--no-position" => a.options.position = false,
            "-f" | "--focus" => a.options.focus = Some(value(&flag)?),
            "-c" | "--combine" => a.combine = true,
            "-k" | "--keywords" => {
                let v = value(&flag)?;
                a.keywords = v
                    .parse()
                    .map_err(|_| format!("--keywords takes a whole number, got {v:?}"))?;
            }
            "-e" | "--explain" => a.options.explain = true,
            "--json" => a.json = true,
            "--jsonl" => a.jsonl = true,
            "-j" | "--jobs" => {
                let v = value(&flag)?;
                a.jobs = match v.parse::<usize>() {
                    Ok(n) if n > 0 => Some(n),
                    _ => {
                        return Err(format!(
                            "--jobs takes a whole number, at least 1, got {v:?}"
                        ))
                    }
                };
            }
            "-" => a.files.push(arg),
            f if f.starts_with('-') && f.len() > 1 => return Err(format!("unknown option {f}")),
            _ => a.files.push(arg),
        }
    }
    a.options.validate().map_err(|e| e.to_string())?;
    if a.jsonl && !a.files.is_empty() {
        return Err("--jsonl reads standard input only; give no FILE".into());
    }
    if a.jobs.is_some() && !a.jsonl {
        return Err("--jobs is for --jsonl batches only".into());
    }
    if a.jsonl && a.json {
        return Err("--jsonl replies in JSON already; --json is for FILEs".into());
    }
    if a.jsonl && a.combine {
        return Err(
            "--combine is for FILEs; with --jsonl, give a line {\"id\", \"docs\": [text, ...]}"
                .into(),
        );
    }
    Ok(Some(a))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("gisty: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        batch(&args.options, args.keywords, args.jobs.unwrap_or(cores))
    } else if args.combine {
        combined(&args)
    } else {
        files(&args)
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gisty: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads a file (or stdin for "-") into text through [`gisty::read`], as the page reads it:
/// text in UTF-8, UTF-16 or windows-1252, Word, OpenDocument and EPUB files for their
/// paragraphs. Its warnings go to stderr; a file over the reader's size limit is refused before
/// it is read, and a binary, damaged or encrypted one with the reader's error.
fn read_input(name: &str) -> io::Result<String> {
    let cap = MAX_FILE_BYTES as u64;
    let mut bytes = Vec::new();
    if name == "-" {
        io::stdin().lock().take(cap + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > cap {
            return Err(unreadable(format!(
                "more than {} MB given; gisty reads files of at most {} MB",
                cap >> 20,
                cap >> 20
            )));
        }
    } else {
        let mut file = std::fs::File::open(name)?;
        let len = file.metadata()?.len();
        if len > cap {
            return Err(unreadable(format!(
                "the file is {} MB; gisty reads files of at most {} MB",
                len.div_ceil(1 << 20),
                cap >> 20
            )));
        }
        file.read_to_end(&mut bytes)?;
    }
    let file = gisty::read(&bytes, name).map_err(|e| unreadable(format!("{e}; skipped")))?;
    for w in &file.warnings {
        eprintln!("gisty: warning: {name}: {w}");
    }
    Ok(file.text)
}

fn unreadable(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Summarizes each file; true when every file was read.
fn files(args: &Args) -> io::Result<bool> {
    let names: Vec<String> = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let many = names.len() > 1;
    let mut engine = if many { batch_engine() } else { Engine::new() };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    for (k, name) in names.iter().enumerate() {
        let text = match read_input(name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("gisty: {name}: {e}");
                all_ok = false;
                continue;
            }
        };
        // The options were checked when parsed: what is left is a text over the size limit.
        let summary = match engine.summarize(&text, &args.options) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("gisty: {name}: {e}");
                all_ok = false;
                continue;
            }
        };
        let keys = match args.keywords {
            0 => Vec::new(),
            n => engine
                .keywords(&text, n, &args.options)
                .map_err(io::Error::other)?,
        };
        if args.json {
            let mut v = serde_json::to_value(&summary).map_err(io::Error::other)?;
            if name != "-" {
                v["file"] = Value::String(name.clone());
            }
            if args.keywords > 0 {
                v["keywords"] = serde_json::to_value(&keys).map_err(io::Error::other)?;
            }
            writeln!(out, "{v}")?;
        } else {
            if many {
                if k > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "==> {name} <==")?;
            }
            print_lines(&mut out, &summary.sentences, |_| String::new(), |_| None)?;
            print_keywords(&mut out, &keys, args.keywords)?;
        }
    }
    out.flush()?;
    Ok(all_ok)
}

/// One sentence a line (line breaks inside a sentence become spaces), each followed by its
/// explanation when it has one; `file` names a document of a combined summary (None for one).
fn print_lines(
    out: &mut impl Write,
    sentences: &[ScoredSentence],
    prefix: impl Fn(&ScoredSentence) -> String,
    file: impl Fn(usize) -> Option<String>,
) -> io::Result<()> {
    for s in sentences {
        let line: String = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "{}{line}", prefix(s))?;
        if let Some(e) = &s.explanation {
            writeln!(out, "    why: {}", why_line(e, &s.support, &file))?;
        }
    }
    Ok(())
}

/// 1st, 2nd, 3rd, 4th, 11th, 21st...
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// An explanation on one line: "rank 1 of 24 (score 0.812): lede +0.500 (sentence 1), ...".
fn why_line(e: &Explanation, support: &[usize], file: &impl Fn(usize) -> Option<String>) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &e.position {
        parts.push(format!(
            "lede +{:.3} (sentence {}, {} by position)",
            p.part,
            p.index + 1,
            ordinal(p.lede_rank)
        ));
    }
    if let Some(c) = &e.centrality {
        parts.push(format!(
            "centrality +{:.3} ({:.2}, {} of {})",
            c.part,
            c.value,
            ordinal(c.rank),
            c.of
        ));
    }
    if let Some(t) = &e.title {
        let shared = if t.terms.is_empty() {
            "no title word".to_string()
        } else {
            t.terms.join(", ")
        };
        parts.push(format!("title +{:.3} ({shared})", t.part));
    }
    if let Some(l) = e.length.filter(|&l| l < 1.0) {
        parts.push(format!("length x{l:.2}"));
    }
    if let Some(f) = &e.focus {
        parts.push(format!(
            "focus x{:.2} ({})",
            f.factor,
            if f.terms.is_empty() {
                "no focus word".to_string()
            } else {
                f.terms.join(", ")
            }
        ));
    }
    if let Some(c) = &e.concepts {
        let top: Vec<String> = c
            .top
            .iter()
            .map(|k| format!("\"{}\" in {}", k.words, k.documents))
            .collect();
        parts.push(format!(
            "concepts {:.2} ({} of them{}{})",
            c.weight,
            c.count,
            if top.is_empty() { "" } else { ": " },
            top.join(", ")
        ));
        if !support.is_empty() {
            let names: Vec<String> = support
                .iter()
                .map(|&d| file(d).unwrap_or_else(|| d.to_string()))
                .collect();
            parts.push(format!("reported in {}", names.join(", ")));
        }
    }
    let mut line = format!(
        "rank {} of {} (score {:.3}): {}",
        e.rank,
        e.of,
        e.score,
        parts.join("; ")
    );
    if !e.preferred_over.is_empty() {
        let name = |doc: usize, index: usize| match file(doc) {
            Some(f) => format!("{f} sentence {}", index + 1),
            None => format!("sentence {}", index + 1),
        };
        let over: Vec<String> = e
            .preferred_over
            .iter()
            .map(|p| {
                let why = match &p.why {
                    Why::Repeats {
                        doc,
                        index,
                        similarity,
                    } => format!("repeats {}, similarity {similarity:.2}", name(*doc, *index)),
                    Why::Budget => "out of budget".to_string(),
                };
                format!("{} ({why})", name(p.doc, p.index))
            })
            .collect();
        line.push_str(&format!("; preferred over {}", over.join(", ")));
    }
    line
}

fn print_keywords(out: &mut impl Write, keys: &[Keyword], wanted: usize) -> io::Result<()> {
    if wanted > 0 {
        let list: Vec<&str> = keys.iter().map(|k| k.text.as_str()).collect();
        writeln!(out, "keywords: {}", list.join("; "))?;
    }
    Ok(())
}

/// `--combine`: one summary of every readable file; true when every file was read.
fn combined(args: &Args) -> io::Result<bool> {
    let names: Vec<String> = if args.files.is_empty() {
        vec!["-".to_string()]
    } else {
        args.files.clone()
    };
    let mut all_ok = true;
    let mut read: Vec<(String, String)> = Vec::new();
    for name in names {
        match read_input(&name) {
            Ok(t) => read.push((name, t)),
            Err(e) => {
                eprintln!("gisty: {name}: {e}");
                all_ok = false;
            }
        }
    }
    let docs: Vec<Doc> = read.iter().map(|(_, t)| Doc::from(t.as_str())).collect();
    let mut engine = Engine::new();
    let summary = engine
        .summarize_many(&docs, &args.options)
        .map_err(io::Error::other)?;
    let keys = match args.keywords {
        0 => Vec::new(),
        n => engine
            .keywords_many(&docs, n, &args.options)
            .map_err(io::Error::other)?,
    };
    for d in &summary.duplicates {
        eprintln!(
            "gisty: {} and {} are near duplicates (similarity {:.2})",
            read[d.a].0, read[d.b].0, d.similarity
        );
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.json {
        let mut v = serde_json::to_value(&summary).map_err(io::Error::other)?;
        v["files"] = json!(read.iter().map(|(n, _)| n).collect::<Vec<_>>());
        if args.keywords > 0 {
            v["keywords"] = serde_json::to_value(&keys).map_err(io::Error::other)?;
        }
        writeln!(out, "{v}")?;
    } else {
        print_lines(
            &mut out,
            &summary.sentences,
            |s| format!("{}: ", read[s.doc].0),
            |d| read.get(d).map(|(n, _)| n.clone()),
        )?;
        print_keywords(&mut out, &keys, args.keywords)?;
    }
    out.flush()?;
    Ok(all_ok)
}

/// What one request line gives: the line to print, and the error to report on stderr (then the
/// printed line is `{"id", "error"}`).
struct Reply {
    /// The JSON line, without its line break (serde_json writes UTF-8).
    line: Vec<u8>,
    error: Option<String>,
}

/// The reply to line `n` (from 0) of the batch.
fn reply(engine: &mut Engine, n: usize, line: &[u8], options: &Options, keywords: usize) -> Reply {
    // Most lines are valid UTF-8, which from_utf8 checks faster than from_utf8_lossy does.
    let line = match std::str::from_utf8(line) {
        Ok(l) => std::borrow::Cow::Borrowed(l),
        Err(_) => String::from_utf8_lossy(line),
    };
    let answered = match request::plain_request(&line) {
        Some(req) => answer_text(
            engine,
            &req.id,
            &req.text,
            req.title.as_deref(),
            req.focus.as_deref(),
            options,
            keywords,
        ),
        None => match serde_json::from_str::<Value>(&line) {
            Ok(req) => answer(engine, &req, options, keywords),
            Err(e) => Err((Value::Null, format!("line {}: not JSON: {e}", n + 1))),
        },
    };
    match answered {
        Ok(line) => Reply { line, error: None },
        Err((id, e)) => Reply {
            line: json!({"id": id, "error": e}).to_string().into_bytes(),
            error: Some(e),
        },
    }
}

/// A reply to one text, written straight to JSON: its fields in the order of the JSON object
/// it replaced, whose keys were sorted.
#[derive(serde::Serialize)]
struct TextReply<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    explanations: Option<Value>,
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<Vec<Keyword>>,
    language: Language,
    summary: Vec<&'a str>,
}

/// A reply to several documents, as [`TextReply`].
#[derive(serde::Serialize)]
struct DocsReply<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    explanations: Option<Value>,
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<Vec<Keyword>>,
    languages: &'a [Language],
    sources: Vec<usize>,
    summary: Vec<&'a str>,
    support: Vec<&'a [usize]>,
}

/// Whether a batch line is a request (blank lines are skipped).
fn is_request(line: &[u8]) -> bool {
    // A request starts with `{` after at most a little ASCII white space: decide from the bytes;
    // only a line of nothing but white space (perhaps Unicode's) is decoded.
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => false,
        Some(b) if b.is_ascii() => true,
        Some(_) => !String::from_utf8_lossy(line).trim().is_empty(),
    }
}

/// JSONL batch mode over `jobs` threads; true when every line was a valid request.
fn batch(options: &Options, keywords: usize, jobs: usize) -> io::Result<bool> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    let mut put = |r: Reply| -> io::Result<()> {
        if let Some(e) = r.error {
            eprintln!("gisty: {e}");
            all_ok = false;
        }
        out.write_all(&r.line)?;
        out.write_all(b"\n")
    };
    let result = if jobs <= 1 {
        // One engine for every line: each article finds the stems of the words of those before
        // it.
        let mut engine = batch_engine();
        // One buffer for every line, rather than a new one grown anew for each.
        let mut stdin = io::stdin().lock();
        let mut line = Vec::new();
        let mut n = 0;
        loop {
            line.clear();
            if !read_line(&mut stdin, &mut line)? {
                break Ok(());
            }
            if is_request(&line) {
                put(reply(&mut engine, n, &line, options, keywords))?;
            }
            n += 1;
        }
    } else {
        in_parallel(options, keywords, jobs, &mut put)
    };
    result?;
    out.flush()?;
    Ok(all_ok)
}
/// The next line of `input`, without its `\n`, appended to `line`; false at the end of the
/// input. As `BufRead::read_until(b'\n')`, but with the `memchr` crate's search for the line's
/// end (many bytes a step where the standard library's takes a word at a time).
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<bool> {
    let mut read = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (end, used) = match memchr::memchr(b'\n', buf) {
            Some(i) => (Some(i), i + 1),
            None if buf.is_empty() => return Ok(read),
            None => (None, buf.len()),
        };
        line.extend_from_slice(&buf[..end.unwrap_or(used)]);
        input.consume(used);
        read = true;
        if end.is_some() {
            return Ok(true);
        }
    }
}

/// Lines read, not yet written, at most per thread: enough to keep every thread busy while one
/// works on a long article, and memory bounded however long the input is.
const IN_FLIGHT_PER_JOB: usize = 16;

/// The batch over `jobs` threads, each with its engine: one thread reads the lines, the workers
/// answer them in any order, and this thread writes the replies in input order through `put`.
/// At most `jobs * IN_FLIGHT_PER_JOB` lines are between being read and being written: the
/// reader takes a credit for each line and the writer gives one back for each reply written.
fn in_parallel(
    options: &Options,
    keywords: usize,
    jobs: usize,
    put: &mut impl FnMut(Reply) -> io::Result<()>,
) -> io::Result<()> {
    use std::sync::{mpsc, Mutex};

    let window = jobs * IN_FLIGHT_PER_JOB;
    // Never full: a line is sent only with a credit, and there are `window` credits.
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, usize, Vec<u8>)>(window);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Reply)>();
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("the receiver is here");
    }
    let work_rx = Mutex::new(work_rx);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> io::Result<()> {
            let mut seq = 0;
            let mut stdin = io::stdin().lock();
            for n in 0.. {
                let mut line = Vec::new();
                if !read_line(&mut stdin, &mut line)? {
                    break;
                }
                if !is_request(&line) {
                    continue;
                }
                // No credit or no worker left: the writer stopped (a closed pipe).
                if credit_rx.recv().is_err() || work_tx.send((seq, n, line)).is_err() {
                    break;
                }
                seq += 1;
            }
            Ok(())
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                let mut engine = batch_engine();
                loop {
                    // The lock is held only to take the next line.
                    let next = work_rx
                        .lock()
                        .map_err(drop)
                        .and_then(|rx| rx.recv().map_err(drop));
                    let Ok((seq, n, line)) = next else { break };
                    if done_tx
                        .send((seq, reply(&mut engine, n, &line, options, keywords)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(done_rx, credit_tx, put);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader panicked")));
        written.and(read)
    })
}

/// Writes the replies in input order as they come (by their sequence number), giving back a
/// credit for each. Returns when every worker is done, or at the first write error; either way
/// the channels go with it, which stops the reader and the workers.
fn write_in_order(
    done: std::sync::mpsc::Receiver<(usize, Reply)>,
    credits: std::sync::mpsc::SyncSender<()>,
    put: &mut impl FnMut(Reply) -> io::Result<()>,
) -> io::Result<()> {
    let mut waiting = std::collections::BTreeMap::new();
    let mut next = 0;
    for (seq, r) in done {
        waiting.insert(seq, r);
        while let Some(r) = waiting.remove(&next) {
            put(r)?;
            next += 1;
            // The reader may have stopped already: a credit nobody takes is fine.
            let _ = credits.try_send(());
        }
    }
    Ok(())
}

fn answer(
    engine: &mut Engine,
    req: &Value,
    options: &Options,
    keywords: usize,
) -> Result<Vec<u8>, (Value, String)> {
    let id = req.get("id").cloned().unwrap_or(Value::Null);
    let fail = |msg: &str| Err((id.clone(), msg.to_string()));
    let title = req.get("title").and_then(Value::as_str);
    let focus = req.get("focus").and_then(Value::as_str);
    if let Some(docs) = req.get("docs") {
        let o = request_options(options, title, focus);
        let Some(list) = docs.as_array() else {
            return fail(DOCS_SHAPE);
        };
        let mut texts = Vec::with_capacity(list.len());
        for d in list {
            if let Some(t) = d.as_str() {
                texts.push(Doc::from(t));
                continue;
            }
            let Some(text) = d.get("text").and_then(Value::as_str) else {
                return fail(DOCS_SHAPE);
            };
            let date = match d.get("date") {
                None | Some(Value::Null) => None,
                Some(v) => match v.as_str().and_then(parse_date) {
                    Some(ms) => Some(ms),
                    None => {
                        return fail(&format!(
                            "bad \"date\" {v}: expected YYYY-MM-DD, optionally with THH:MM[:SS]"
                        ))
                    }
                },
            };
            texts.push(Doc {
                text,
                title: d.get("title").and_then(Value::as_str),
                date,
                ..Doc::default()
            });
        }
        let m = engine
            .summarize_many(&texts, &o)
            .map_err(|e| (id.clone(), e.to_string()))?;
        let keywords = match keywords {
            0 => None,
            n => Some(
                engine
                    .keywords_many(&texts, n, &o)
                    .map_err(|e| (id.clone(), e.to_string()))?,
            ),
        };
        let reply = DocsReply {
            explanations: explanations(&m.sentences),
            id: &id,
            keywords,
            languages: &m.languages,
            sources: m.sentences.iter().map(|s| s.doc).collect(),
            summary: m.sentences.iter().map(|s| s.text.as_str()).collect(),
            support: m.sentences.iter().map(|s| s.support.as_slice()).collect(),
        };
        return serde_json::to_vec(&reply).map_err(|e| (id.clone(), e.to_string()));
    }
    let Some(text) = req.get("text").and_then(Value::as_str) else {
        return fail("request has no \"text\" string (nor \"docs\" list)");
    };
    answer_text(engine, &id, text, title, focus, options, keywords)
}

/// The command line's options with a request's own title and focus, where it gives them.
fn request_options(options: &Options, title: Option<&str>, focus: Option<&str>) -> Options {
    let mut o = options.clone();
    if let Some(t) = title {
        o.title = Some(t.to_string());
    }
    if let Some(f) = focus {
        o.focus = Some(f.to_string());
    }
    o
}

/// The reply to a request of one text.
fn answer_text(
    engine: &mut Engine,
    id: &Value,
    text: &str,
    title: Option<&str>,
    focus: Option<&str>,
    options: &Options,
    keywords: usize,
) -> Result<Vec<u8>, (Value, String)> {
    let o = request_options(options, title, focus);
    let summary = engine
        .summarize(text, &o)
        .map_err(|e| (id.clone(), e.to_string()))?;
    let keywords = match keywords {
        0 => None,
        n => Some(
            engine
                .keywords(text, n, &o)
                .map_err(|e| (id.clone(), e.to_string()))?,
        ),
    };
    let reply = TextReply {
        explanations: explanations(&summary.sentences),
        id,
        keywords,
        language: summary.language,
        summary: summary.sentences.iter().map(|s| s.text.as_str()).collect(),
    };
    // Room for the sentences and the fields around them, so that the line is not copied as it
    // grows.
    let text_bytes: usize = reply.summary.iter().map(|s| s.len()).sum();
    let mut line = Vec::with_capacity(text_bytes + text_bytes / 8 + 128);
    if reply.explanations.is_some() || reply.keywords.is_some() {
        serde_json::to_writer(&mut line, &reply).map_err(|e| (id.clone(), e.to_string()))?;
        return Ok(line);
    }
    // The reply as serde_json writes it, but for the sentences, most of the line, whose
    // escaping is done here (push_json_str).
    line.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut line, reply.id).map_err(|e| (id.clone(), e.to_string()))?;
    line.extend_from_slice(b",\"language\":");
    serde_json::to_writer(&mut line, &reply.language).map_err(|e| (id.clone(), e.to_string()))?;
    line.extend_from_slice(b",\"summary\":[");
    for (i, s) in reply.summary.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        push_json_str(&mut line, s);
    }
    line.extend_from_slice(b"]}");
    Ok(line)
}

/// `s` as a JSON string, as serde_json writes it: `"` and `\` escaped, the control characters
/// as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX` (lowercase hex), nothing else. The runs between
/// escapes are passed over eight bytes a step and copied whole, where serde_json looks up every
/// byte (ten instructions a byte of a reply).
fn push_json_str(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each lane that may need an escape: below 0x20 (a byte from 0x80 up has
    // its high bit and is left out), `"` or `\`. It may flag more lanes than need it, never
    // fewer: those are then looked at one by one.
    let flags = |x: u64| {
        let (q, b) = (x ^ (ONES * 0x22), x ^ (ONES * 0x5C));
        (x.wrapping_sub(ONES * 0x20) & !x | q.wrapping_sub(ONES) & !q | b.wrapping_sub(ONES) & !b)
            & HIGH
    };
    let b = s.as_bytes();
    out.push(b'"');
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            if flags(u64::from_le_bytes(chunk.try_into().expect("8 bytes"))) == 0 {
                i += 8;
                continue;
            }
        }
        let c = b[i];
        i += 1;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let control = [
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(c >> 4)],
            HEX[usize::from(c & 15)],
        ];
        let escape: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..=0x1F => &control,
            _ => continue,
        };
        out.extend_from_slice(&b[run..i - 1]);
        out.extend_from_slice(escape);
        run = i;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

/// With --explain, a batch reply's "explanations": one a summary sentence (as a JSON tree,
/// whose objects print their keys sorted, as they always have).
fn explanations(sentences: &[ScoredSentence]) -> Option<Value> {
    sentences
        .iter()
        .any(|s| s.explanation.is_some())
        .then(|| json!(sentences.iter().map(|s| &s.explanation).collect::<Vec<_>>()))
}

const DOCS_SHAPE: &str =
    "\"docs\" must be a list of strings or {\"text\", \"title\"?, \"date\"?} objects";

/// "2025-12-01" or "2025-12-01T14:30[:00][Z]" (UTC) as milliseconds since 1970, or None.
fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim().trim_end_matches('Z');
    let (day, time) = s.split_once(['T', ' ']).unwrap_or((s, ""));
    let mut d = day.splitn(3, '-').map(|x| x.parse::<i64>().ok());
    let (y, m, dd) = (d.next()??, d.next()??, d.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
        return None;
    }
    let mut t = time
        .split(':')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse::<i64>().ok());
    let (h, mi, sec) = (
        t.next().unwrap_or(Some(0))?,
        t.next().unwrap_or(Some(0))?,
        t.next().unwrap_or(Some(0))?,
    );
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    // Days from 1970-01-01 in the proleptic Gregorian calendar (a year starts in March here, so
    // that the leap day is the year's last).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 24 + h) * 60 + mi) * 60_000 + sec * 1000)
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut cases: Vec<String> = (0u8..0x80).map(|c| char::from(c).to_string()).collect();
        cases.extend(
            [
                "",
                "plain words, eight bytes and more",
                "a \"quote\" and a \\ backslash",
                "tab\there\nnew line\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
                "non-ASCII: café “quoted” — 東京 😀 and \u{0}",
                "\"\"\"\"\"\"\"\"\"\\\\\\\\\\\\\\\\\\",
            ]
            .map(String::from),
        );
        // Every control byte at every offset of an eight-byte step.
        for k in 0..16 {
            for c in [0x01u8, 0x1F, b'"', b'\\', 0x7F] {
                let mut s = "x".repeat(k);
                s.push(char::from(c));
                s.push_str("yyyyyyyyy");
                cases.push(s);
            }
        }
        for s in &cases {
            let mut ours = Vec::new();
            super::push_json_str(&mut ours, s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(951_868_800_000));
        assert_eq!(parse_date("2025-12-01T14:30Z"), Some(1_764_599_400_000));
        assert!(parse_date("2025-12-01") < parse_date("2025-12-02"));
        for bad in ["", "yesterday", "2025-13-01", "2025-12", "2025-12-01T25:00"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
