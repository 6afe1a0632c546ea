//! Language detection: which language a text is written in, from a bounded sample of it.
//!
//! Script first: Arabic, Greek, Cyrillic, Tamil, Han, kana and Hangul letters name their
//! language (or family, whose members gisty does not know: Persian and Urdu letters, Ukrainian
//! or Serbian letters make it undetermined). Latin script is scored word by word against short
//! tables of each language's most frequent function words, its letters with diacritics and a
//! few telling suffixes. The close pairs (Danish, Norwegian and Swedish; Spanish, Portuguese,
//! Italian and Romanian; Dutch and German) differ in exactly those words and letters. Tables of
//! some languages gisty does not know (Catalan, Polish, Czech, Indonesian...) are scored too,
//! so that their texts come out undetermined rather than as their nearest known neighbour.
//!
//! The cost is bounded: at most [`SAMPLE_BYTES`] of the text are read, and a Latin text stops
//! being read once one language leads by far (an English news article, after a few dozen
//! words).

use std::sync::OnceLock;

use super::token::Language;

/// The most of a text that detection reads, in bytes.
const SAMPLE_BYTES: usize = 3000;

/// How sure a detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Certainty {
    /// Too little evidence: the language is reported undetermined.
    Unsure,
    /// The best guess, but a declared language (a page's `lang`) may overrule it.
    Likely,
    /// The text clearly says so: a declared language does not overrule it.
    Clear,
}

/// A detected language and how sure the detection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Detection {
    /// [`Language::Undetermined`] when unsure, or when the text is in a language gisty does not
    /// know.
    pub language: Language,
    pub certainty: Certainty,
}

/// What a Latin-script table stands for: a language gisty knows, or one it does not (whose
/// texts are reported undetermined).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Latin {
    Known(Language),
    Other,
}

use Language::*;

/// The Latin-script languages scored, in table order (a bit each in [`Entry`] masks).
const LATIN: &[Latin] = &[
    Latin::Known(English),
    Latin::Known(French),
    Latin::Known(German),
    Latin::Known(Spanish),
    Latin::Known(Italian),
    Latin::Known(Portuguese),
    Latin::Known(Dutch),
    Latin::Known(Danish),
    Latin::Known(Norwegian),
    Latin::Known(Swedish),
    Latin::Known(Finnish),
    Latin::Known(Hungarian),
    Latin::Known(Romanian),
    Latin::Known(Turkish),
    // Others, from here on: ca pl cs sk id sw is hr af tl et vi baltic gl.
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
    Latin::Other,
];

// Indices into LATIN.
const EN: u8 = 0;
const FR: u8 = 1;
const DE: u8 = 2;
const ES: u8 = 3;
const IT: u8 = 4;
const PT: u8 = 5;
const NL: u8 = 6;
const DA: u8 = 7;
const NO: u8 = 8;
const SV: u8 = 9;
const FI: u8 = 10;
const HU: u8 = 11;
const RO: u8 = 12;
const TR: u8 = 13;
const CA: u8 = 14;
const PL: u8 = 15;
const CS: u8 = 16;
const SK: u8 = 17;
const ID: u8 = 18;
const SW: u8 = 19;
const IS: u8 = 20;
const HR: u8 = 21;
const AF: u8 = 22;
const TL: u8 = 23;
const ET: u8 = 24;
const VI: u8 = 25;
const BALTIC: u8 = 26;
const GL: u8 = 27;

/// Each table's most frequent function words, lower-cased, space-separated.
const WORDS: &[(u8, &str)] = &[
    (EN, "the of and to in is that for it was on with as by he at from his an are have has had be this not but they which were their said will would been who its we you she her there what when can more after about also than into them these our or"),
    (FR, "le la les de des du et est une un dans pour qui que pas sur au aux avec ce cette il elle ne se plus ont été sont mais par ou nous vous leur leurs comme très aussi fait être avait était sa son ses où même"),
    (DE, "der die das und ist nicht ein eine zu den mit sich des auf für im dem auch es an werden aus er hat dass sie nach wird bei noch wie über so zum zur um vor sind war wurde einen einem eines oder aber nur durch kann haben schon"),
    (ES, "el los las y del una por con es en se su lo como más pero sus al ha le fue este esta entre también sin sobre hasta desde muy ya son está porque cuando todo hay donde han ese"),
    (IT, "il di che è la per un del della non sono gli nel alla anche una con dei delle da si ha le più come ma questo questa essere stato nella degli sulla al loro dopo tra perché molto ancora quando"),
    (PT, "o os da do das dos em para com não uma um que é se no na nos nas ao pela pelo mais como mas foi são está também sua seu ser já ou entre até muito quando há isso este esta"),
    (NL, "de het een van en is op te dat die niet met voor zijn ook aan er maar om naar bij nog wordt worden heeft hij zij ze wij deze dit als uit over tot door wel geen werd kan veel hun onder moet"),
    (DA, "og i at det er en til på den de med af som for ikke har var han hun jeg der et vi men fra sig kan efter eller blev også mange havde nu når hvor skal deres meget mod selv kun bliver hvad nogle mellem gennem være været ud op end mig dig jer jeres måske lige igen frem vores hende blive gøre lidt sådan siger sagde købte"),
    (NO, "og i det er en til på den de med av som for ikke har var han hun jeg der et vi men fra seg kan etter eller ble også mange hadde nå når hvor skal deres mye mot selv bare blir å enn ut noen hva mellom gjennom være vært opp meg deg dere kanskje igjen fram vår våre henne bli gjøre litt slik sier sa kjøpte ikkje"),
    (SV, "och i att det är en som på av för med till den inte har var han hon jag de ett vi men från sig kan efter eller blev också många hade nu när där ska deras mycket mot själv bara blir om vid under vara varit"),
    (FI, "ja on ei se että hän oli ovat mutta kun myös jo sen tai niin joka kuin vain nyt olla ole mitä jotka ne tämä sekä vuonna ollut voi hänen siitä kanssa mukaan jälkeen sitä vielä noin kaikki yli eli vaan koska jos aikana heidän minä sinä olen olet olemme tässä siinä kuitenkin paljon sitten täällä enemmän jotta"),
    (HU, "a az és hogy nem is egy meg van volt már csak még de ezt mint pedig vagy ez azt el fel amely kell lesz után ami akkor nagyon sem minden között szerint"),
    (RO, "și şi în de la cu pe un o care nu este să din mai pentru ce sunt au fost dar ca sau după acest această fi le cel lor lui ei prin"),
    (TR, "ve bir bu da de için ile olarak çok daha gibi ama en olan kadar sonra ne her mi değil göre ise olduğunu büyük yeni var"),
    (CA, "el la els les de i a que per amb una és del dels als al va seu seva molt però també aquest aquesta són fins perquè més han"),
    (PL, "i w z na nie się do to że jest o jak po a od ale za co przez dla tak jego czy już są było który która oraz"),
    (CS, "a se na v je že s z do to o ve jako by ale pro jsou jsem byl které který podle také už jeho nebo při"),
    (SK, "a sa na v je že s z do to o vo ako by ale pre sú som bol ktoré ktorý podľa tiež už jeho alebo pri"),
    (ID, "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena sudah bisa mereka kami atau lebih saat telah"),
    (SW, "na ya wa kwa za katika ni la kuwa hiyo cha huo hii pia lakini sana hakuna wake baada kama"),
    (IS, "og að í á er sem til við um það ekki hann hún var með fyrir en af eru"),
    (HR, "je i u na da se za su od koji što kao ali ili iz sa će bio"),
    (AF, "die en van is nie het in te op wat vir met sy om ons hulle word hy ek jy sal oor baie julle wees"),
    (TL, "ang ng sa mga na ay at si ni para"),
    (ET, "ja on ei et see ta oli kui ka mis aga oma või ning"),
    (GL, "unha unhas polo pola polos polas co coa coas cos xa máis tamén moi nun nunha dun dunha ás"),
];

/// Letters with diacritics and the tables that use them.
const LETTERS: &[(char, &[u8])] = &[
    ('ß', &[DE]),
    ('à', &[FR, IT, PT, CA]),
    ('á', &[ES, PT, HU, CA, CS, SK, IS]),
    ('â', &[FR, PT, RO]),
    ('ã', &[PT]),
    ('ä', &[DE, SV, FI, ET, SK]),
    ('å', &[DA, NO, SV]),
    ('æ', &[DA, NO, IS]),
    ('ç', &[FR, PT, TR, CA]),
    ('è', &[FR, IT, CA]),
    ('é', &[FR, ES, PT, IT, HU, CA, CS, SK, IS]),
    ('ê', &[FR, PT]),
    ('ë', &[NL, AF]),
    ('ì', &[IT]),
    ('í', &[ES, PT, HU, CA, CS, SK, IS]),
    ('î', &[FR, RO]),
    ('ï', &[FR, NL, CA]),
    ('ð', &[IS]),
    ('ñ', &[ES]),
    ('ò', &[IT, CA]),
    ('ó', &[ES, PT, HU, CA, PL, CS, SK, IS]),
    ('ô', &[FR, PT, SK]),
    ('õ', &[PT, ET]),
    ('ö', &[DE, SV, FI, HU, TR, ET, IS]),
    ('ø', &[DA, NO]),
    ('ù', &[FR, IT]),
    ('ú', &[ES, PT, HU, CS, SK, IS]),
    ('û', &[FR]),
    ('ü', &[DE, HU, TR, ET]),
    ('ý', &[CS, SK, IS]),
    ('þ', &[IS]),
    ('ā', &[BALTIC]),
    ('ă', &[RO]),
    ('ą', &[PL]),
    ('ć', &[PL, HR]),
    ('č', &[CS, SK, HR, BALTIC]),
    ('ď', &[CS, SK]),
    ('đ', &[HR, VI]),
    ('ē', &[BALTIC]),
    ('ė', &[BALTIC]),
    ('ę', &[PL]),
    ('ě', &[CS]),
    ('ğ', &[TR]),
    ('ī', &[BALTIC]),
    ('į', &[BALTIC]),
    ('ı', &[TR]),
    ('ľ', &[SK]),
    ('ł', &[PL]),
    ('ń', &[PL]),
    ('ň', &[CS, SK]),
    ('ő', &[HU]),
    ('œ', &[FR]),
    ('ř', &[CS]),
    ('ś', &[PL]),
    ('ş', &[TR, RO]),
    ('š', &[CS, SK, HR, BALTIC]),
    ('ţ', &[RO]),
    ('ť', &[CS, SK]),
    ('ū', &[BALTIC]),
    ('ů', &[CS]),
    ('ű', &[HU]),
    ('ų', &[BALTIC]),
    ('ź', &[PL]),
    ('ż', &[PL]),
    ('ž', &[CS, SK, HR, BALTIC]),
    ('ơ', &[VI]),
    ('ư', &[VI]),
    ('ș', &[RO]),
    ('ț', &[RO]),
];

/// Word endings that tell close languages apart (only words of five letters or more).
const SUFFIXES: &[(&str, &[u8])] = &[
    ("sjon", &[NO]),
    ("sjonen", &[NO]),
    ("sjoner", &[NO]),
    ("tionen", &[DA, SV]),
    ("tioner", &[DA, SV]),
    ("heden", &[DA]),
    ("heten", &[NO, SV]),
    ("erne", &[DA]),
    ("ene", &[NO]),
    ("ção", &[PT]),
    ("ções", &[PT]),
    ("ción", &[ES]),
    ("ciones", &[ES]),
    ("zione", &[IT]),
    ("zioni", &[IT]),
    ("ție", &[RO]),
    ("ţie", &[RO]),
    ("ului", &[RO]),
    ("ilor", &[RO]),
    ("ung", &[DE]),
    ("ungen", &[DE]),
    ("heid", &[NL]),
    ("lijk", &[NL]),
    ("lijke", &[NL]),
    ("lich", &[DE]),
    ("liche", &[DE]),
    ("ssä", &[FI]),
    ("llä", &[FI]),
    ("ssa", &[FI]),
    ("stä", &[FI]),
    ("ään", &[FI]),
    ("ksi", &[FI]),
    ("ing", &[EN]),
];

/// The suffixes a word may end in, by its last byte's low six bits: a bit each, in the list's
/// order (a word ending in a byte no suffix ends in, most words, looks at none).
const SUFFIXES_BY_END: [u64; 64] = {
    let mut by_end = [0u64; 64];
    let mut k = 0;
    while k < SUFFIXES.len() {
        let s = SUFFIXES[k].0.as_bytes();
        by_end[(s[s.len() - 1] & 63) as usize] |= 1 << k;
        k += 1;
    }
    by_end
};

/// The suffixes `word` ends in, a bit each (see [`SUFFIXES_BY_END`]).
fn suffixes_of(word: &[u8]) -> u64 {
    let Some(&last) = word.last() else { return 0 };
    let mut candidates = SUFFIXES_BY_END[usize::from(last & 63)];
    let mut found = 0;
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        let s = SUFFIXES[k].0.as_bytes();
        // Compared byte by byte: a library comparison costs a call for these few bytes.
        if word.len() >= s.len()
            && word[word.len() - s.len()..]
                .iter()
                .zip(s)
                .all(|(a, b)| a == b)
        {
            found |= 1 << k;
        }
    }
    found
}

/// Longest word looked up, in bytes: function words are short.
const MAX_WORD: usize = 16;

/// A word of at most 16 bytes as one number: its bytes, little-endian, zero-padded (a word's
/// letters are never zero bytes), so that a lookup hashes and compares one number rather than
/// bytes.
type Key = u128;

/// Slots of the function-word table: a power of two, near three times the distinct words
/// (698), so that a search, most often for a word no table lists, ends after a slot or two
/// (open addressing probes longer and longer runs as the table fills).
const SLOTS: usize = 2048;

/// `word` as a [`Key`], when it fits.
fn key(word: &[u8]) -> Option<Key> {
    let mut b = [0u8; 16];
    b.get_mut(..word.len())?.copy_from_slice(word);
    Some(Key::from_le_bytes(b))
}

/// The first slot to look at for `key`.
fn slot(key: Key) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// Each function word with the tables (bits of [`LATIN`]) that list it, by open addressing:
/// a slot holds a word's key and its mask (0: empty). Built on first use.
fn table() -> &'static [(Key, u32)] {
    static TABLE: OnceLock<Box<[(Key, u32)]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![(0, 0); SLOTS].into_boxed_slice();
        for &(lang, words) in WORDS {
            // Split as bytes: a `str` split by a char costs several times as much a word.
            for w in words.as_bytes().split(|&b| b == b' ') {
                // Every table word fits (a test checks it).
                let Some(k) = key(w) else { continue };
                let mut i = slot(k);
                while t[i].1 != 0 && t[i].0 != k {
                    i = (i + 1) % SLOTS;
                }
                t[i] = (k, t[i].1 | 1u32 << lang);
            }
        }
        t
    })
}

/// The tables that list `word` as a function word (0: none).
#[cfg(test)]
fn tables_of(word: &[u8]) -> u32 {
    key(word).map_or(0, tables_of_key)
}

/// The tables that list the word whose key is `k` (see [`tables_of`]).
fn tables_of_key(k: Key) -> u32 {
    let t = table();
    let mut i = slot(k);
    // The table is never full: an empty slot ends every search.
    loop {
        let (key, mask) = t[i];
        if mask == 0 || key == k {
            return mask;
        }
        i = (i + 1) % SLOTS;
    }
}

/// Adds `weight`, shared equally, to each table of `mask` (a bit each).
fn credit(scores: &mut [f32], mut mask: u32, weight: f32) {
    let share = weight / mask.count_ones().max(1) as f32;
    while mask != 0 {
        scores[mask.trailing_zeros() as usize] += share;
        mask &= mask - 1;
    }
}

fn mask_of(langs: &[u8]) -> u32 {
    langs.iter().fold(0, |m, &l| m | 1 << l)
}

/// Letters of each script met in the sample.
#[derive(Default)]
struct Scripts {
    latin: usize,
    greek: usize,
    cyrillic: usize,
    arabic: usize,
    tamil: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    other: usize,
    /// Arabic-script letters of Persian and Urdu, not Arabic.
    persian: usize,
    /// Cyrillic letters of Russian only: ы, э, ё.
    russian: usize,
    /// Cyrillic letters of Ukrainian, Belarusian, Serbian, Macedonian, Kazakh...
    other_cyrillic: usize,
    /// The hard sign, frequent in Bulgarian, rare in Russian.
    hard_sign: usize,
}

/// Latin words scored so far.
struct LatinScore {
    scores: [f32; LATIN.len()],
    words: usize,
    /// The word being read, lower-cased: its first [`MAX_WORD`] bytes (and the rest of the
    /// char that reaches them), and its length there.
    word: [u8; MAX_WORD + 3],
    len: usize,
    /// Its chars kept in `word`.
    chars: usize,
    /// Whether it ran past [`MAX_WORD`] with more ASCII letters: then it is no function word
    /// and has no suffix of the list.
    long: bool,
}

impl LatinScore {
    /// No word read yet.
    fn new() -> Self {
        LatinScore {
            scores: [0.0; LATIN.len()],
            words: 0,
            word: [0; MAX_WORD + 3],
            len: 0,
            chars: 0,
            long: false,
        }
    }

    fn push_ascii(&mut self, c: u8) {
        if self.len < MAX_WORD {
            self.word[self.len] = c.to_ascii_lowercase();
            self.len += 1;
            self.chars += 1;
        } else {
            self.long = true;
        }
    }

    fn push(&mut self, c: char) {
        if self.len < MAX_WORD {
            self.len += c.encode_utf8(&mut self.word[self.len..]).len();
            self.chars += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.len == 0 && !self.long
    }

    fn end_word(&mut self) {
        if self.is_empty() {
            return;
        }
        self.words += 1;
        let long = std::mem::take(&mut self.long);
        let len = std::mem::take(&mut self.len);
        let chars = std::mem::take(&mut self.chars);
        // The bytes after a word are zeros (cleared below, at each word's end), so its first
        // sixteen are its key as they stand: no copy to pad it.
        let head: [u8; 16] = self.word[..16].try_into().expect("16 bytes");
        let k = (len <= 16).then(|| Key::from_le_bytes(head));
        let word = self.word;
        self.word[..16].fill(0);
        if long {
            return;
        }
        let w = &word[..len];
        let mask = k.map_or(0, tables_of_key);
        if mask != 0 {
            credit(&mut self.scores, mask, 1.0);
        }
        if chars > 4 {
            // In the list's order: the scores are sums of floats.
            let mut found = suffixes_of(w);
            while found != 0 {
                let (_, langs) = SUFFIXES[found.trailing_zeros() as usize];
                found &= found - 1;
                credit(&mut self.scores, mask_of(langs), 0.5);
            }
        }
    }

    /// The best table and the runner-up's score.
    fn best(&self) -> (usize, f32, f32) {
        // The first of the highest; the runner-up is the highest of the others (scores are
        // never negative).
        let (mut best, mut second) = (0, 0.0f32);
        for l in 1..LATIN.len() {
            if self.scores[l] > self.scores[best] {
                second = second.max(self.scores[best]);
                best = l;
            } else {
                second = second.max(self.scores[l]);
            }
        }
        (best, self.scores[best], second)
    }
}

/// The language of `text`, with how sure the detection is.
pub(crate) fn detect(text: &str) -> Detection {
    let mut scripts = Scripts::default();
    let mut latin = LatinScore::new();
    let mut early = false;
    // Byte by byte, ASCII read as it stands and any other char decoded where it starts.
    let bytes = text.as_bytes();
    let end = bytes.len().min(SAMPLE_BYTES);
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphabetic() {
                scripts.latin += 1;
                latin.push_ascii(b);
                continue;
            }
            if b == b'\'' && !latin.is_empty() {
                // Elisions ("l'homme", "dell'anno"): the article is a word of its own.
                latin.end_word();
                continue;
            }
            latin.end_word();
            // Checked at word ends: most of a Latin text's cost is skipped once it is clear.
            if latin.words >= 24 && latin.words % 8 == 0 {
                let (_, best, second) = latin.best();
                if best >= 10.0 && best >= 3.0 * second && scripts.latin > 10 * scripts.other {
                    early = true;
                    break;
                }
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if !c.is_alphabetic() {
            latin.end_word();
            continue;
        }
        let lower = super::case::lower_char(c);
        match lower as u32 {
            0x0061..=0x007A | 0x00C0..=0x024F | 0x1E00..=0x1EFF => {
                scripts.latin += 1;
                if (0x1EA0..=0x1EF9).contains(&(lower as u32)) {
                    latin.scores[VI as usize] += 1.0;
                } else if let Ok(k) = LETTERS.binary_search_by(|e| e.0.cmp(&lower)) {
                    credit(&mut latin.scores, mask_of(LETTERS[k].1), 0.5);
                }
                latin.push(lower);
                continue;
            }
            0x0370..=0x03FF | 0x1F00..=0x1FFF => scripts.greek += 1,
            0x0400..=0x04FF => {
                scripts.cyrillic += 1;
                match lower {
                    'ы' | 'э' | 'ё' => scripts.russian += 1,
                    'ъ' => scripts.hard_sign += 1,
                    'і' | 'ї' | 'є' | 'ґ' | 'ў' | 'ђ' | 'ј' | 'љ' | 'њ' | 'ћ' | 'џ' | 'ѓ' | 'ќ'
                    | 'ѕ' => scripts.other_cyrillic += 1,
                    c if (0x0490..=0x04FF).contains(&(c as u32)) => scripts.other_cyrillic += 1,
                    _ => {}
                }
            }
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
                scripts.arabic += 1;
                if matches!(
                    lower,
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ہ'
                ) {
                    scripts.persian += 1;
                }
            }
            0x0B80..=0x0BFF => scripts.tamil += 1,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => scripts.kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                scripts.han += 1
            }
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => scripts.hangul += 1,
            _ => scripts.other += 1,
        }
        latin.end_word();
    }
    if !early {
        latin.end_word();
    }
    decide(&scripts, &latin)
}

fn found(language: Language, letters: usize) -> Detection {
    let certainty = match letters {
        0..=3 => Certainty::Unsure,
        4..=19 => Certainty::Likely,
        _ => Certainty::Clear,
    };
    if certainty == Certainty::Unsure {
        return unsure();
    }
    Detection {
        language,
        certainty,
    }
}

fn unsure() -> Detection {
    Detection {
        language: Undetermined,
        certainty: Certainty::Unsure,
    }
}

fn decide(s: &Scripts, latin: &LatinScore) -> Detection {
    let cjk = s.han + s.kana + s.hangul;
    let others = [s.greek, s.cyrillic, s.arabic, s.tamil, cjk, s.other];
    let top = others.iter().copied().max().unwrap_or(0);
    if top > s.latin {
        if top == s.other {
            return found(Undetermined, top);
        }
        if top == cjk {
            if s.hangul >= s.han + s.kana {
                return found(Korean, s.hangul);
            }
            // Japanese writes its grammar in kana; Chinese has none.
            let language = if s.kana * 20 >= s.han + s.kana {
                Japanese
            } else {
                Chinese
            };
            return found(language, s.han + s.kana);
        }
        if top == s.arabic {
            let language = if s.persian * 50 > s.arabic {
                Undetermined
            } else {
                Arabic
            };
            return found(language, s.arabic);
        }
        if top == s.cyrillic {
            let russian = s.other_cyrillic * 100 < s.cyrillic
                && s.russian > 0
                && s.hard_sign <= s.russian + 1;
            let language = if russian { Russian } else { Undetermined };
            return found(language, s.cyrillic);
        }
        if top == s.greek {
            return found(Greek, s.greek);
        }
        return found(Tamil, s.tamil);
    }
    let (best, score, second) = latin.best();
    let share = score / latin.words.max(1) as f32;
    if score < 1.5 || share < 0.05 || score - second < 0.5 {
        return unsure();
    }
    let certainty = if score >= 6.0 && score >= 1.25 * second + 1.0 {
        Certainty::Clear
    } else {
        Certainty::Likely
    };
    let language = match LATIN[best] {
        Latin::Known(l) => l,
        Latin::Other => Undetermined,
    };
    Detection {
        language,
        certainty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_sorted_for_binary_search() {
        assert!(LETTERS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn every_function_word_is_found_with_its_tables() {
        let mut want = std::collections::BTreeMap::<&str, u32>::new();
        for &(lang, words) in WORDS {
            for w in words.split(' ') {
                assert!(key(w.as_bytes()).is_some(), "{w} is too long for a key");
                *want.entry(w).or_insert(0) |= 1 << lang;
            }
        }
        assert!(want.len() * 4 <= SLOTS * 3, "the table is too full");
        for (w, mask) in want {
            assert_eq!(tables_of(w.as_bytes()), mask, "{w}");
        }
        for w in ["", "xyzzy", "theory", "th", "a~", "werdenwerdenwerden"] {
            let listed = WORDS.iter().any(|(_, ws)| ws.split(' ').any(|x| x == w));
            assert_eq!(tables_of(w.as_bytes()) != 0, listed, "{w}");
        }
    }

    #[test]
    fn suffixes_are_found_as_a_scan_of_the_list_finds_them() {
        let mut words: Vec<String> = ["", "a", "ing", "thing", "nation", "zione", "stä", "ungen"]
            .map(String::from)
            .to_vec();
        for (s, _) in SUFFIXES {
            words.push(s.to_string());
            words.push(format!("abcde{s}"));
            words.push(format!("abcde{s}x"));
            words.push(s.chars().skip(1).collect());
        }
        for w in &words {
            let want = SUFFIXES
                .iter()
                .enumerate()
                .filter(|(_, (s, _))| w.ends_with(s))
                .fold(0u64, |m, (k, _)| m | 1 << k);
            assert_eq!(suffixes_of(w.as_bytes()), want, "{w}");
        }
    }

    #[test]
    fn long_words_are_no_function_words() {
        // 16 letters end in a suffix; 17 run past what is kept.
        let mut a = LatinScore::new();
        "misunderstanding".bytes().for_each(|b| a.push_ascii(b));
        a.end_word();
        assert_eq!(a.scores[EN as usize], 0.5);
        "misunderstandings".bytes().for_each(|b| a.push_ascii(b));
        a.end_word();
        assert_eq!((a.words, a.scores[EN as usize]), (2, 0.5));
        // A wide letter past the kept bytes is dropped, and the word is read without it.
        "abcdefghijklmnoing"
            .bytes()
            .take(15)
            .for_each(|b| a.push_ascii(b));
        a.push('é');
        a.push('ü');
        assert_eq!(&a.word[..a.len], "abcdefghijklmnoé".as_bytes());
        a.end_word();
        assert!(a.is_empty());
    }

    #[test]
    fn tables_fit_the_mask() {
        assert!(LATIN.len() <= 32);
        assert!(SUFFIXES.len() <= 64);
        assert_eq!(
            WORDS.len(),
            LATIN.len() - 2,
            "every table but vi and baltic has words"
        );
    }

    #[test]
    fn scripts_and_short_texts() {
        assert_eq!(detect("").language, Undetermined);
        assert_eq!(detect("12 34 !!").certainty, Certainty::Unsure);
        assert_eq!(detect("Η κυβέρνηση ανακοίνωσε σήμερα").language, Greek);
        assert_eq!(detect("今天北京的天气很好，我们去公园。").language, Chinese);
        assert_eq!(
            detect("今日は東京で会議が開かれました。").language,
            Japanese
        );
        assert_eq!(detect("오늘 서울에서 회의가 열렸습니다.").language, Korean);
        assert_eq!(detect("Привет, мы были в Москве вчера.").language, Russian);
        assert_eq!(
            detect("Сьогодні в Україні відбулися вибори.").language,
            Undetermined
        );
    }
}
