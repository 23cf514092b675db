//! M003 magnitude: a western scale word that makes a count absurd.
//!
//! What it catches: a number already in the thousands followed by मिलियन/बिलियन on a counted noun
//! ("6,000 मिलियन कार्यों" for "6,000 military workers"), and counts of people or things beyond any
//! plausible size ("20 बिलियन सैनिक").
//! Why: an English adjective misread as a scale ("military" → "million"), or a scale applied
//! twice, multiplies a figure by a million — a changed fact, not a style problem. Money and
//! measures are left alone: "1,500 मिलियन डॉलर" is clumsy but not absurd.
//!
//! The rule reads the figure claims when the extractor produced them, and number tokens directly
//! as well, so it works on any text.

use crate::tokens::FxHashMap as HashMap;

use serde::Deserialize;

use crate::error::GrammarError;
use crate::finding::{CodeDoc, Severity};
use crate::grammar::GrammarSet;
use crate::mt::normalize::{Script, norm_word, number_value};
use crate::mt::{DocView, Evidence};
use crate::span::Span;

/// `tathya explain M003`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M003",
    name: "mt-absurd-magnitude",
    severity: Severity::Error,
    what: "A western scale (मिलियन, बिलियन) stacked on a number already in the thousands, or a count of people or things beyond any plausible size.",
    why: "A word misread as a scale (\"military\" → \"million\") multiplies a figure by a million: the sentence now states a false number.",
    example: "कुर्स्क क्षेत्र में अतिरिक्त 6,000 मिलियन कार्यों को भेजने के लिए सहमत",
};

#[derive(Debug, Deserialize)]
struct Raw {
    scales: HashMap<String, f64>,
    western: Vec<String>,
    money_and_measures: Vec<String>,
    stacked_min: f64,
    absurd_people: f64,
    absurd_count: f64,
    people: Vec<String>,
    weight: f64,
}

/// Scales, the western ones, and the nouns a big figure may legitimately count.
#[derive(Debug)]
pub struct Data {
    scales: HashMap<String, f64>,
    western: Vec<String>,
    exempt: Vec<String>,
    stacked_min: f64,
    absurd_people: f64,
    absurd_count: f64,
    people: Vec<String>,
    weight: f64,
}

impl Data {
    /// Load `hi/mt/magnitude.toml`.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let raw: Raw = set.parse("hi/mt/magnitude.toml")?;
        Ok(Data {
            scales: raw
                .scales
                .into_iter()
                .map(|(k, v)| (norm_word(&k), v))
                .collect(),
            western: raw.western.iter().map(|w| norm_word(w)).collect(),
            exempt: raw
                .money_and_measures
                .iter()
                .map(|w| norm_word(w))
                .collect(),
            stacked_min: raw.stacked_min,
            absurd_people: raw.absurd_people,
            absurd_count: raw.absurd_count,
            people: raw.people.iter().map(|w| norm_word(w)).collect(),
            weight: raw.weight,
        })
    }

    /// The count at which `noun` becomes absurd.
    fn limit(&self, noun: &str) -> f64 {
        if self.people.iter().any(|p| noun.starts_with(p.as_str())) {
            self.absurd_people
        } else {
            self.absurd_count
        }
    }

    fn is_exempt(&self, noun: &str) -> bool {
        // Prefix match covers inflection: डॉलर/डॉलरों, रुपये/रुपयों.
        self.exempt.iter().any(|e| noun.starts_with(e.as_str()))
    }
}

/// Check the figure claims (counts beyond any plausible size), then every number followed by a
/// scale word (so the rule also works on text nobody extracted figures from).
pub fn check(v: &DocView, out: &mut Vec<Evidence>) {
    let d = &v.g.magnitude;
    let mut seen: Vec<Span> = Vec::new();
    for c in v.claims {
        let crate::claim::ClaimKind::Figure(f) = &c.detail else {
            continue;
        };
        let body = v.in_body(Span::new(c.start, c.end));
        let noun = f.unit.as_deref().map(norm_word).unwrap_or_default();
        // Only counts of a named noun, and only through a western scale: Indian money amounts
        // often drop their unit ("70 हजार करोड़ का घोटाला").
        let western = d
            .western
            .iter()
            .any(|w| norm_word(&c.text).contains(w.as_str()));
        if !body
            || f.figure != crate::claim::FigureKind::Count
            || noun.is_empty()
            || !western
            || d.is_exempt(&noun)
            || f.value < d.limit(&noun)
        {
            continue;
        }
        let span = Span::new(c.start, c.end);
        seen.push(span);
        out.push(Evidence {
            code: &DOC,
            span,
            message: format!(
                "{} {} is beyond any plausible count",
                fmt_big(f.value),
                f.unit.as_deref().unwrap_or("")
            ),
            weight: d.weight,
        });
    }
    for s in &v.sents {
        let t = &s.tokens;
        for i in 0..t.len() {
            if t[i].script != Script::Number {
                continue;
            }
            let Some(n) = number_value(&t[i].norm) else {
                continue;
            };
            let Some(scale_tok) = t.get(i + 1) else {
                continue;
            };
            let Some(&scale) = d.scales.get(&*scale_tok.norm) else {
                continue;
            };
            // The counted noun: the next word that is not another scale or a qualifier.
            let Some(noun) = t.get(i + 2) else {
                continue;
            };
            if noun.script != Script::Deva || d.is_exempt(&noun.norm) || v.word(noun).function {
                continue;
            }
            let western = d.western.iter().any(|w| **w == *scale_tok.norm);
            let value = n * scale;
            let why = if western && n >= d.stacked_min {
                format!(
                    "{} stacked on {}: {} {}",
                    v.slice(scale_tok.span()),
                    v.slice(t[i].span()),
                    fmt_big(value),
                    v.slice(noun.span())
                )
            } else if value >= d.limit(&noun.norm) {
                format!(
                    "{} {} is beyond any plausible count",
                    fmt_big(value),
                    v.slice(noun.span())
                )
            } else {
                continue;
            };
            let span = Span::new(t[i].start, noun.end);
            // `seen` is in text order (claims are sorted): only spans starting before this
            // one ends, and not ending before it starts, can overlap.
            let k = seen.partition_point(|x| x.start < span.end);
            if seen[..k].iter().rev().take(64).any(|x| x.overlaps(span)) {
                continue;
            }
            out.push(Evidence {
                code: &DOC,
                span,
                message: why,
                weight: d.weight,
            });
        }
    }
}

fn fmt_big(v: f64) -> String {
    if v >= 1e9 {
        format!("{:.0} billion", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.0} million", v / 1e6)
    } else {
        format!("{v:.0}")
    }
}

#[cfg(test)]
mod tests {
    use crate::mt::testing::hits;

    #[test]
    fn a_scale_stacked_on_thousands() {
        assert_eq!(
            hits(
                "क्षेत्र में अतिरिक्त 6,000 मिलियन कार्यों को भेजने पर सहमति बनी।",
                "M003"
            ),
            vec!["6,000 मिलियन कार्यों"]
        );
        assert_eq!(hits("सीमा पर 20 बिलियन सैनिक तैनात हैं।", "M003").len(), 1);
    }

    #[test]
    fn money_and_ordinary_counts_are_fine() {
        assert!(hits("कंपनी ने 1,500 मिलियन डॉलर का निवेश किया।", "M003").is_empty());
        assert!(hits("देश में 5 मिलियन लोग रहते हैं।", "M003").is_empty());
        assert!(hits("राज्य को 2,000 करोड़ रुपये मिले।", "M003").is_empty());
        assert!(hits("देश की आबादी 130 करोड़ है।", "M003").is_empty());
        assert!(
            hits(
                "बिल्लियां हर वर्ष 6.9 से 20.7 अरब स्तनपायी जानवरों को मारती हैं।",
                "M003"
            )
            .is_empty()
        );
        assert!(hits("अजीत पवार पर 70 हजार करोड़ के घोटाले का आरोप है।", "M003").is_empty());
    }
}
