//! Machine-translation signals: which sentences carry a translation error an editor should see.
//!
//! Cheap signals of "this smells of MT" (out-of-vocabulary rates, surprisal) separate machine
//! from human translation only weakly and mostly measure "unlike our news corpus". What helps an
//! editor is a *specific* error that may change a fact — a decoder loop, a garbled weekday, an
//! absurd magnitude, a treaty rendered as a medical treatment, a name translated as a word — shown
//! with its evidence. So each rule here emits [`Evidence`] with a weight: strong rules flag a
//! sentence on their own, weak ones only add to its score (see [`score`]).
//!
//! One rule per file, each with a stable code (`M001`…) and data in `grammars/hi/mt/<rule>.toml`.
//! Rules read normalised tokens ([`normalize`]), so danda versus ".", nukta forms and chandrabindu
//! versus anusvara are never evidence. Page chrome is never scored, but a disclosed automatic feed
//! or a CMS tag line in the chrome still feeds the document summary. Foreign names are never
//! evidence: tokens that look like names are kept out of the vocabulary-based rules.
//!
//! The bilingual checks (`--original english.txt`) live in [`bilingual`].

pub mod bilingual;
pub mod closed_class;
pub mod confusion;
pub mod disclosed_feed;
pub mod glued;
pub mod latin_fragment;
pub mod lexicon;
pub mod magnitude;
pub mod name_translated;
pub mod name_variants;
pub mod normalize;
pub mod oov;
/// The MT rules' romanisation, under its earlier path: [`crate::romanize`]'s sound spelling
/// and skeletons.
pub mod romanize {
    pub use crate::romanize::{deva_skeleton, en_skeleton, roman, roman_similarity as similarity};
}
pub mod score;
pub mod stutter;
pub mod tags;
pub mod transliteration;
pub mod truncated;

use serde::{Deserialize, Serialize};

use crate::analysis::Document;
use crate::error::GrammarError;
use crate::finding::{CodeDoc, Finding};
use crate::grammar::GrammarSet;
use crate::span::Span;

use normalize::{Script, Token};

/// Codes of the MT rules, in code order.
pub const CODES: &[CodeDoc] = &[
    stutter::DOC,
    tags::DOC,
    magnitude::DOC,
    transliteration::DOC,
    closed_class::DOC,
    name_variants::DOC,
    name_translated::DOC,
    confusion::DOC,
    latin_fragment::DOC,
    glued::DOC,
    truncated::DOC,
    disclosed_feed::DOC,
    oov::DOC,
    bilingual::numbers::DOC,
    bilingual::names::DOC,
    bilingual::negation::DOC,
    bilingual::dates::DOC,
    bilingual::length::DOC,
    bilingual::repetition::DOC,
];

/// Per-sentence MT evidence, as it appears in a sentence's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceMt {
    /// Score in [0, 1].
    #[serde(serialize_with = "crate::claim::ser_num")]
    pub score: f64,
    /// The verdict at the default threshold.
    pub flagged: bool,
    /// Every rule that fired.
    pub codes: Vec<&'static str>,
}

/// Per-document MT summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMt {
    /// Share of body sentences flagged.
    #[serde(serialize_with = "crate::claim::ser_num")]
    pub suspect_share: f64,
    /// Number of flagged sentences.
    pub flagged: usize,
    /// The page says it comes from an automatic feed.
    pub disclosed_automatic: bool,
    /// Leftover translation or CMS tags somewhere in the page, chrome included.
    pub translation_tags: bool,
}

/// One piece of evidence: a rule fired on a span, with a weight in (0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The rule.
    pub code: &'static CodeDoc,
    /// Where.
    pub span: Span,
    /// One line for a person.
    pub message: String,
    /// How much it counts towards the sentence score.
    pub weight: f64,
}

/// Words shared by several rules: postpositions, conjunctions, auxiliaries, titles.
#[derive(Debug, Deserialize)]
struct FunctionWordsFile {
    function: Vec<String>,
    titles: Vec<String>,
}

/// Data of the MT rules.
#[derive(Debug)]
pub struct MtGrammar {
    /// Hindi word frequencies and the English word list.
    pub lexicon: lexicon::Lexicon,
    function: crate::tokens::FxHashSet<String>,
    titles: crate::tokens::FxHashSet<String>,
    stutter: stutter::Data,
    tags: tags::Data,
    magnitude: magnitude::Data,
    transliteration: transliteration::Data,
    closed_class: closed_class::Data,
    name_variants: name_variants::Data,
    name_translated: name_translated::Data,
    confusion: confusion::Data,
    latin_fragment: latin_fragment::Data,
    glued: glued::Data,
    truncated: truncated::Data,
    disclosed_feed: disclosed_feed::Data,
    oov: oov::Data,
    score: score::Data,
    /// Bilingual checks.
    pub bilingual: bilingual::Data,
}

impl MtGrammar {
    /// Load the MT rule files under `hi/mt/`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let fw: FunctionWordsFile = set.parse("hi/mt/function_words.toml")?;
        Ok(MtGrammar {
            lexicon: lexicon::Lexicon::load(set)?,
            function: fw
                .function
                .iter()
                .map(|w| normalize::norm_word(w))
                .collect(),
            titles: fw.titles.iter().map(|w| normalize::norm_word(w)).collect(),
            stutter: set.parse("hi/mt/stutter.toml")?,
            tags: tags::Data::load(set)?,
            magnitude: magnitude::Data::load(set)?,
            transliteration: transliteration::Data::load(set)?,
            closed_class: closed_class::Data::load(set)?,
            name_variants: set.parse("hi/mt/name_variants.toml")?,
            name_translated: name_translated::Data::load(set)?,
            confusion: confusion::Data::load(set)?,
            latin_fragment: set.parse("hi/mt/latin_fragment.toml")?,
            glued: set.parse("hi/mt/glued.toml")?,
            truncated: truncated::Data::load(set)?,
            disclosed_feed: disclosed_feed::Data::load(set)?,
            oov: set.parse("hi/mt/oov.toml")?,
            score: set.parse("hi/mt/score.toml")?,
            bilingual: bilingual::Data::load(set)?,
        })
    }

    /// True for a postposition, conjunction or auxiliary (normalised form).
    pub fn is_function(&self, norm: &str) -> bool {
        self.function.contains(norm)
    }

    /// True when `w` (lowercase English) is a name part that is also an English word ("son").
    pub fn is_name_part(&self, w: &str) -> bool {
        self.name_translated.has_part(w)
    }

    /// The default threshold at which a sentence is flagged.
    pub fn threshold(&self) -> f64 {
        self.score.threshold
    }
}

/// A body sentence as the rules see it.
#[derive(Debug, Clone)]
pub struct SentView {
    /// Index into `doc.sentences`.
    pub index: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

/// What the rules read: the text, the body sentences' tokens and the data.
#[derive(Debug)]
pub struct DocView<'a> {
    /// The text as read.
    pub text: &'a str,
    /// Body sentences (chrome left out), in order.
    pub sents: Vec<SentView>,
    /// Rule data.
    pub g: &'a MtGrammar,
    /// The document's claims (figures with their values), when extracted.
    pub claims: &'a [crate::claim::Claim],
    /// Spans of entity mentions (names from the alias tables), sorted: never evidence.
    pub names: Vec<Span>,
    /// For each prefix of `names`, the furthest end (so [`DocView::in_name`] is one search).
    names_reach: Vec<usize>,
    /// The document's entities, with their mentions.
    pub entities: &'a [crate::extract::entity::Entity],
    /// The document is Hindi (the vocabulary rules run only on Hindi).
    pub hindi: bool,
    /// What the rules ask of each distinct word, by [`Token::id`].
    pub words: Vec<WordInfo<'a>>,
}

/// What the rules ask of a word, computed once per distinct word of a document.
#[derive(Debug, Clone, Default)]
pub struct WordInfo<'a> {
    /// [`lexicon::Lexicon::hi_band`].
    pub band: u8,
    /// [`MtGrammar::is_function`].
    pub function: bool,
    /// A title ("श्री", "डॉ").
    pub title: bool,
    /// Two or more characters, not a function word, not only digits and separators: a word
    /// whose repetition means something.
    pub content: bool,
    /// [`lexicon::Lexicon::english_match`], computed on first use (romanising and comparing is
    /// the costly part).
    english: std::cell::OnceCell<Option<&'a str>>,
}

impl<'a> WordInfo<'a> {
    fn table(stream: &crate::tokens::Stream, g: &MtGrammar) -> Vec<WordInfo<'a>> {
        stream.per_word(|w| {
            let function = g.is_function(w);
            WordInfo {
                band: g.lexicon.hi_band(w),
                function,
                title: g.titles.contains(w),
                content: w.chars().nth(1).is_some()
                    && !function
                    && !w
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.'),
                english: std::cell::OnceCell::new(),
            }
        })
    }
}

impl<'a> DocView<'a> {
    /// Tokenise the body sentences of `doc` (see [`DocView::with_stream`]).
    pub fn new(doc: &'a Document, g: &'a MtGrammar) -> Self {
        Self::with_stream(
            doc,
            &crate::tokens::Stream::new(&doc.text, &doc.sentences),
            g,
        )
    }

    /// The body sentences of `doc`, read from its token stream (made over `doc.sentences`).
    pub fn with_stream(
        doc: &'a Document,
        stream: &crate::tokens::Stream,
        g: &'a MtGrammar,
    ) -> Self {
        let mut names: Vec<Span> = doc
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| Span::new(m.start, m.end)))
            .collect();
        names.sort();
        let names_reach = names
            .iter()
            .scan(0usize, |m, n| {
                *m = (*m).max(n.end);
                Some(*m)
            })
            .collect();
        let sents = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.chrome)
            .map(|(i, s)| SentView {
                index: i,
                start: s.start,
                end: s.end,
                tokens: stream.sentence(i).to_vec(),
            })
            .collect();
        DocView {
            text: &doc.text,
            sents,
            g,
            claims: &doc.claims,
            names,
            names_reach,
            entities: &doc.entities,
            hindi: doc.lang == crate::document::Lang::Hi,
            words: WordInfo::table(stream, g),
        }
    }

    /// True when `span` lies inside an entity mention.
    pub fn in_name(&self, span: Span) -> bool {
        let k = self.names.partition_point(|n| n.start <= span.start);
        k > 0 && self.names_reach.get(k - 1).is_some_and(|&e| e >= span.end)
    }

    /// True when `span` lies inside one body sentence (found by binary search: sentences are in
    /// text order and do not overlap).
    pub fn in_body(&self, span: Span) -> bool {
        let k = self.sents.partition_point(|s| s.start <= span.start);
        k > 0 && self.sents.get(k - 1).is_some_and(|s| span.end <= s.end)
    }

    /// A view of a single text as one sentence (for tests and the evaluation).
    pub fn single(text: &'a str, g: &'a MtGrammar) -> Self {
        let stream = crate::tokens::Stream::single(text);
        DocView {
            text,
            sents: vec![SentView {
                index: 0,
                start: 0,
                end: text.len(),
                tokens: stream.sentence(0).to_vec(),
            }],
            words: WordInfo::table(&stream, g),
            g,
            claims: &[],
            names: Vec::new(),
            names_reach: Vec::new(),
            entities: &[],
            hindi: true,
        }
    }

    /// What the rules ask of token `t`'s word.
    pub fn word(&self, t: &Token) -> &WordInfo<'a> {
        &self.words[t.id as usize]
    }

    /// The English word token `t` transliterates ([`lexicon::Lexicon::english_match`]), looked
    /// up once per distinct word.
    pub fn english(&self, t: &Token) -> Option<&'a str> {
        let g = self.g;
        *self
            .word(t)
            .english
            .get_or_init(|| g.lexicon.english_match(&t.norm))
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }

    /// True when token `i` of `s` is a proper name: inside an entity mention (alias tables), or a
    /// Devanagari word unknown to native news that is not a known English content word, next to
    /// another such word, or before a title or the agentive ने, or after a title. Names are never
    /// evidence.
    pub fn is_name_like(&self, s: &SentView, i: usize) -> bool {
        let Some(t) = s.tokens.get(i) else {
            return false;
        };
        if self.in_name(t.span()) {
            return true;
        }
        if t.script != Script::Deva || self.word(t).band >= 2 {
            return false;
        }
        let unknown = |j: usize| {
            s.tokens.get(j).is_some_and(|u| {
                u.script == Script::Deva && {
                    let w = self.word(u);
                    w.band == 0 && !w.function && self.english(u).is_none()
                }
            })
        };
        let title = |j: usize| s.tokens.get(j).is_some_and(|u| self.word(u).title);
        let next_is = |w: &str| s.tokens.get(i + 1).is_some_and(|u| &*u.norm == w);
        (i > 0 && unknown(i - 1))
            || unknown(i + 1)
            || (i > 0 && title(i - 1))
            || title(i + 1)
            || next_is("ने")
    }
}

/// Run every monolingual rule over a view. The vocabulary rules are Hindi rules: on a document
/// in another language only the loops and the leftover tags are looked for.
pub fn evidence(v: &DocView) -> Vec<Evidence> {
    let mut ev = Vec::new();
    stutter::check(v, &mut ev);
    tags::check(v, &mut ev);
    if !v.hindi {
        ev.sort_by(|a, b| {
            (a.span.start, a.span.end, a.code.code).cmp(&(b.span.start, b.span.end, b.code.code))
        });
        return ev;
    }
    magnitude::check(v, &mut ev);
    transliteration::check(v, &mut ev);
    closed_class::check(v, &mut ev);
    name_variants::check(v, &mut ev);
    name_translated::check(v, &mut ev);
    confusion::check(v, &mut ev);
    latin_fragment::check(v, &mut ev);
    glued::check(v, &mut ev);
    truncated::check(v, &mut ev);
    oov::check(v, &mut ev);
    ev.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code.code).cmp(&(b.span.start, b.span.end, b.code.code))
    });
    ev
}

/// Run the MT rules over an analysed document, filling `sentence.mt`, `doc.mt` and findings.
pub fn analyze(doc: &mut Document, g: &MtGrammar) {
    if doc.is_failed() {
        return;
    }
    let stream = crate::tokens::Stream::new(&doc.text, &doc.sentences);
    analyze_stream(doc, &stream, g);
}

/// [`analyze`] reading the document's token stream (made over `doc.sentences`) instead of
/// tokenising again.
pub fn analyze_stream(doc: &mut Document, stream: &crate::tokens::Stream, g: &MtGrammar) {
    if doc.is_failed() {
        return;
    }
    let ev = {
        let v = DocView::with_stream(doc, stream, g);
        evidence(&v)
    };
    apply(doc, g, ev);
}

/// Attach evidence to a document: findings, sentence scores and the summary. The bilingual mode
/// calls this once with the monolingual and the bilingual evidence together.
pub fn apply(doc: &mut Document, g: &MtGrammar, ev: Vec<Evidence>) {
    let disclosed = disclosed_feed::find(doc, g);
    let tags_anywhere = tags::anywhere(doc, g);
    let mut per_sentence: Vec<Vec<&Evidence>> = vec![Vec::new(); doc.sentences.len()];
    for e in &ev {
        // A limit that was reached is about the document, not evidence against a sentence.
        if e.code.code == crate::finding::document::LIMIT_REACHED.code {
            continue;
        }
        let i = doc.sentences.partition_point(|s| s.end <= e.span.start);
        if let Some(v) = per_sentence.get_mut(i) {
            v.push(e);
        }
    }
    doc.sentence_mt = vec![None; doc.sentences.len()];
    for ((s, mt), evs) in doc
        .sentences
        .iter()
        .zip(&mut doc.sentence_mt)
        .zip(per_sentence)
    {
        if s.chrome {
            continue;
        }
        let pairs: Vec<(&'static str, f64)> = evs.iter().map(|e| (e.code.code, e.weight)).collect();
        let sc = score::combine(&pairs);
        let mut codes: Vec<&'static str> = pairs.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        *mt = Some(SentenceMt {
            score: (sc * 1000.0).round() / 1000.0,
            flagged: sc >= g.score.threshold,
            codes,
        });
    }
    for e in ev {
        doc.findings.push(Finding::new(e.code, e.span, e.message));
    }
    if let Some(d) = &disclosed {
        doc.findings.push(Finding::new(
            &disclosed_feed::DOC,
            *d,
            "the page says it was generated from an automatic feed without editing",
        ));
    }
    doc.findings
        .sort_by(|a, b| (a.start, a.end, a.code).cmp(&(b.start, b.end, b.code)));
    doc.findings.dedup();
    let body: Vec<_> = doc.sentences.iter().filter(|s| !s.chrome).collect();
    let flagged = body
        .iter()
        .filter(|s| doc.sentence_mt(s).is_some_and(|m| m.flagged))
        .count();
    let share = if body.is_empty() {
        0.0
    } else {
        flagged as f64 / body.len() as f64
    };
    doc.mt = Some(DocumentMt {
        suspect_share: (share * 1000.0).round() / 1000.0,
        flagged,
        disclosed_automatic: disclosed.is_some(),
        translation_tags: tags_anywhere,
    });
}

/// Score one sentence of plain text on its own (no document context): the evaluation's view.
pub fn score_text(text: &str, g: &MtGrammar) -> (f64, Vec<Evidence>) {
    let v = DocView::single(text, g);
    let ev = evidence(&v);
    let sc = score::combine(
        &ev.iter()
            .map(|e| (e.code.code, e.weight))
            .collect::<Vec<_>>(),
    );
    (sc, ev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_documents_only_get_loops_and_tags() {
        let doc = crate::pipeline::analyze(
            "en",
            "The barter deal was signed on Sundy. It was very, very good.".into(),
            None,
            &crate::pipeline::Options::default(),
            crate::Grammars::builtin(),
        );
        assert!(doc.findings.iter().all(|f| !f.code.starts_with('M')));
        assert!(doc.mt.as_ref().is_some_and(|m| m.flagged == 0));
    }

    /// Deterministic junk in every script the rules look at: no rule may panic on it.
    #[test]
    fn no_input_panics() {
        let pieces = [
            "कॉस",
            "6,000",
            "मिलियन",
            "को",
            "ने",
            "।",
            ".",
            "\n",
            " ",
            "(टी)",
            "&quot;",
            "A",
            "son",
            "ँ",
            "़",
            "्",
            "\u{200d}",
            "१२",
            "x",
            "बेटा",
            "सोन",
            "चोए",
            ",",
            "“",
            "के",
            "bn",
            "$",
            "रविवार",
        ];
        let mut seed: u64 = 0x2545f4914f6cdd1d;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let g = crate::Grammars::builtin();
            let mut doc = crate::pipeline::analyze(
                "junk",
                text.clone(),
                None,
                &crate::pipeline::Options {
                    lang: None,
                    skip_mt: true,
                },
                g,
            );
            bilingual::analyze(
                &mut doc,
                "The 6,000 troops of Choe Son Hui met on Sunday.",
                g,
            );
            for f in &doc.findings {
                assert!(text.get(f.start..f.end).is_some(), "{text:?}");
            }
            let _ = score_text(&text, &g.mt);
        }
    }
}

/// Helpers shared by the rule tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::Grammars;

    /// The texts of the findings of `code` on `text`.
    pub fn hits(text: &str, code: &str) -> Vec<String> {
        let doc = crate::pipeline::analyze(
            "t",
            text.to_string(),
            None,
            &crate::pipeline::Options::default(),
            Grammars::builtin(),
        );
        doc.findings
            .iter()
            .filter(|f| f.code == code)
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    /// The built-in MT grammar.
    pub fn g() -> &'static MtGrammar {
        &Grammars::builtin().mt
    }
}
