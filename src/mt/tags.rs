//! M002 translation-tags: markup and placeholders a translation pipeline left in the text.
//!
//! What it catches: CMS tag markers rendered into Hindi ("(टैगस्टोट्रांसलेट)", "(टी)"), HTML entities
//! (`&quot;`, `&amp;`), placeholders (`{0}`, `%s`) and HTML tags inside a body sentence.
//! Why: these never survive a human editor; text carrying them went through a machine pipeline
//! unread. A tag line that chrome marks as `tag-line` is not scored as a sentence but still marks
//! the document summary (`translation_tags`).

use regex::Regex;
use serde::Deserialize;

use crate::analysis::Document;
use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::{DocView, Evidence, MtGrammar};
use crate::span::Span;

/// `tathya explain M002`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M002",
    name: "mt-translation-tags",
    severity: Severity::Warning,
    what: "Leftover translation or CMS tags, HTML entities, placeholders or markup inside a sentence: \"(टैगस्टोट्रांसलेट)\", \"(टी)\", &quot;, {0}.",
    why: "Markup like this never survives a human editor: the text went through a machine pipeline and was published unread.",
    example: "(टैगस्टोट्रांसलेट) उत्तर कोरिया (टी) रूस (टी) सर्गेई लावरोव",
};

#[derive(Debug, Deserialize)]
struct Raw {
    patterns: Vec<String>,
    weight: f64,
}

/// Compiled tag patterns.
#[derive(Debug)]
pub struct Data {
    patterns: Vec<Regex>,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/tags.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        const FILE: &str = "hi/mt/tags.toml";
        let raw: Raw = set.parse(FILE)?;
        let patterns = raw
            .patterns
            .iter()
            .map(|p| {
                Regex::new(p).map_err(|e| GrammarError::Parse {
                    file: FILE.into(),
                    message: e.to_string(),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Data {
            patterns,
            weight: raw.weight,
        })
    }

    fn find(&self, text: &str) -> Option<(usize, usize)> {
        self.patterns
            .iter()
            .filter_map(|r| r.find(text).map(|m| (m.start(), m.end())))
            .min()
    }
}

/// Tags inside body sentences.
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.tags;
    for s in &v.sents {
        let text = v.slice(Span::new(s.start, s.end));
        if let Some((a, b)) = d.find(text) {
            out.push(Evidence {
                code: &DOC,
                span: Span::new(s.start + a, s.start + b),
                message: format!("leftover tag “{}”", &text[a..b]),
                weight: d.weight,
            });
        }
    }
}

/// True when a tag appears anywhere in the page, chrome included.
pub fn anywhere(doc: &Document, g: &MtGrammar) -> bool {
    g.tags.find(&doc.text).is_some()
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn tags_in_a_sentence() {
        assert_eq!(
            hits("उन्होंने कहा &quot;हम तैयार हैं&quot; और चले गए।", "M002"),
            vec!["&quot;"]
        );
        assert_eq!(hits("कुल {0} लोग आए।", "M002"), vec!["{0}"]);
        assert!(hits("उन्होंने (टीवी पर) कहा कि हम तैयार हैं।", "M002").is_empty());
    }

    #[test]
    fn a_chrome_tag_line_marks_the_document() {
        let text = "रूस ने कहा कि वह तैयार है।\n(टैगस्टोट्रांसलेट) उत्तर कोरिया (टी) रूस (टी) यूक्रेन\n";
        let doc = crate::pipeline::analyze(
            "t",
            text.into(),
            None,
            &crate::pipeline::Options::default(),
            crate::Grammars::builtin(),
        );
        assert!(doc.mt.as_ref().is_some_and(|m| m.translation_tags));
        assert!(
            doc.sentences
                .iter()
                .filter(|s| s.chrome)
                .all(|s| doc.sentence_mt(s).is_none())
        );
    }
}
