//! No input makes the pipeline panic, and every span it returns lies on character boundaries
//! inside the text. Inputs come from a fixed-seed generator mixing Devanagari, digits, quote marks,
//! number words and punctuation, plus mutated corpus articles.

mod common;

use tathya::{Grammars, Options};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "६",
    "0",
    "1,00,000",
    "6,000",
    "40%",
    "से अधिक",
    "लाख",
    "करोड़",
    "हज़ार",
    "डेढ़",
    "साढ़े",
    "पौने",
    "सवा",
    "दो",
    "एक",
    "70वीं",
    "21st",
    "मिलियन",
    "बुधवार",
    "(26 जुलाई)",
    "बीते शुक्रवार",
    "पिछले साल",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "।",
    ".",
    "?",
    "!",
    "\n",
    " ",
    "  ",
    "ने कहा कि",
    "के अनुसार",
    "के हवाले से",
    "उन्होंने कहा",
    "said",
    "according to",
    "million",
    "per cent",
    "₹",
    "$",
    "वर्ग किलोमीटर",
    "\u{200d}",
    "\u{200b}",
    "़",
    "्",
    "ं",
    "ँ",
    "Nov 30, 2024",
    "1 Dec 2024",
    "-",
    "–",
    "/",
    ":",
    "(",
    ")",
    "कॉस",
    "टी",
    "(टी)",
    "&quot;",
    "{0}",
    "a",
    "Z",
    "é",
    "😀",
    "\r\n",
    "\t",
    "ः",
    "\u{a0}",
    "\u{2003}",
    "\u{3000}",
    "Mr.",
    "डॉ.",
    "U.S.",
    "1.5",
    " a.",
];

fn check(text: &str) {
    let doc = tathya::analyze(
        "fuzz",
        text.to_string(),
        None,
        &Options::default(),
        Grammars::builtin(),
    );
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for s in &doc.sentences {
        assert!(
            ok(s.start, s.end),
            "sentence span {}..{} in {text:?}",
            s.start,
            s.end
        );
    }
    for c in &doc.claims {
        assert!(
            ok(c.start, c.end),
            "claim span {}..{} in {text:?}",
            c.start,
            c.end
        );
        assert_eq!(&text[c.start..c.end], c.text);
    }
    for f in &doc.findings {
        assert!(
            ok(f.start, f.end),
            "finding span {}..{} in {text:?}",
            f.start,
            f.end
        );
    }
    for e in &doc.entities {
        for m in &e.mentions {
            assert!(ok(m.start, m.end), "mention span in {text:?}");
        }
    }
}

#[test]
fn random_pieces_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        check(&text);
    }
}

#[test]
fn mutated_corpus_never_panics() {
    let mut rng = Rng(42);
    let mut files: Vec<_> = std::fs::read_dir(common::corpus_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for _ in 0..20 {
            let mut c = chars.clone();
            for _ in 0..10 {
                let i = (rng.next() as usize) % c.len().max(1);
                match rng.next() % 3 {
                    0 => {
                        c.remove(i.min(c.len().saturating_sub(1)));
                    }
                    1 => c.insert(i, rng.pick(PIECES).chars().next().unwrap_or('x')),
                    _ => c.truncate(i),
                }
                if c.is_empty() {
                    break;
                }
            }
            check(&c.into_iter().collect::<String>());
        }
    }
}
