//! M101 number-parity: a figure of the original missing from the translation, or one the
//! translation added, scales converted (1 million = 10 लाख, 10 million = 1 करोड़).

use crate::finding::{CodeDoc, Severity};
use crate::mt::bilingual::{Data, en_words};
use crate::mt::normalize::{Script, number_value};
use crate::mt::{DocView, Evidence, SentView};
use crate::span::Span;

/// `tathya explain M101`.
pub const DOC: CodeDoc = CodeDoc {
    code: "M101",
    name: "mt-number-parity",
    severity: Severity::Error,
    what: "With --original: a figure of the English sentence is missing from its Hindi translation, or the Hindi has a figure the English lacks (scales converted: million ↔ लाख/करोड़).",
    why: "A changed figure is a changed fact; scale words are where machine translation slips most (\"6,000 military workers\" → \"6,000 मिलियन\").",
    example: "EN: 6,000 military workers — HI: 6,000 मिलियन कार्यों",
};

/// True when two values are the same figure.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Figures of an English sentence: digits (with a following scale word or suffix) and number words.
pub fn en_values(s: &str, d: &Data) -> Vec<f64> {
    en_figures(s, d).into_iter().map(|(v, _)| v).collect()
}

/// Figures with a flag: true when written in digits. Digit runs are read wherever they stand
/// ("p109", "F1", "4:41.30"); a suffix scale counts only after a currency sign ("$2.8bn",
/// "£125m") or when unambiguous ("bn"); a following scale word ("3.7 million") multiplies.
fn en_figures(s: &str, d: &Data) -> Vec<(f64, bool)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || ((b[i] == b',' || b[i] == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let Some(mut v) = number_value(&s[start..i]) else {
            continue;
        };
        // A vulgar fraction right after the digits: 29¾.
        match s[i..].chars().next() {
            Some('¼') => v += 0.25,
            Some('½') => v += 0.5,
            Some('¾') => v += 0.75,
            _ => {}
        }
        let currency = s[..start].trim_end().ends_with(['$', '£', '€', '₹']);
        let suffix: String = s[i..]
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        let mut mult = 1.0;
        if let Some(&m) = d.en_scales.get(&suffix)
            && (currency || suffix.len() >= 2)
            && suffix.len() <= 2
        {
            mult = m;
        } else if suffix.is_empty() {
            let next: String = s[i..]
                .trim_start()
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            if next.len() > 2
                && let Some(&m) = d.en_scales.get(&next)
            {
                mult = m;
            }
        }
        out.push((v * mult, true));
    }
    for (k, (_, word)) in en_words(s).iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if let Some(&v) = d.en_numbers.get(&lower) {
            let next = en_words(s).get(k + 1).map(|(_, n)| n.to_ascii_lowercase());
            let scale = next
                .filter(|n| n.len() > 2)
                .and_then(|n| d.en_scales.get(&n).copied())
                .unwrap_or(1.0);
            out.push((v * scale, false));
        }
    }
    out
}

/// Figures of a Hindi sentence: digit tokens and number words, times a following scale word.
pub fn hi_values(s: &SentView, d: &Data) -> Vec<f64> {
    hi_figures(s, d).into_iter().map(|(v, _, _)| v).collect()
}

/// (value, span, written in digits).
fn hi_figures(s: &SentView, d: &Data) -> Vec<(f64, Span, bool)> {
    let t = &s.tokens;
    let mut out = Vec::new();
    for (i, tok) in t.iter().enumerate() {
        let (base, digit) = if tok.script == Script::Number {
            match number_value(&tok.norm) {
                Some(v) => (v, true),
                None => continue,
            }
        } else if let Some(&v) = d.hi_numbers.get(&*tok.norm) {
            (v, false)
        } else {
            continue;
        };
        let mut span = tok.span();
        let scale = match t
            .get(i + 1)
            .and_then(|n| d.hi_scales.get(&*n.norm).map(|s| (*s, n)))
        {
            Some((s, n)) => {
                span = Span::new(tok.start, n.end);
                s
            }
            None => 1.0,
        };
        out.push((base * scale, span, digit));
    }
    out
}

/// Compare the figures of one aligned pair.
pub fn check(v: &DocView, s: &SentView, src: &str, out: &mut Vec<Evidence>) {
    let d = &v.g.bilingual;
    let en = en_figures(src, d);
    let hi = hi_figures(s, d);
    let en_vals: Vec<f64> = en.iter().map(|x| x.0).collect();
    let hi_vals: Vec<f64> = hi.iter().map(|x| x.0).collect();
    // A Hindi digit figure the English lacks: point at it.
    for (val, span, digit) in &hi {
        if *digit && !en_vals.iter().any(|e| same(*e, *val)) {
            out.push(Evidence {
                code: &DOC,
                span: *span,
                message: format!(
                    "“{}” ({}) has no counterpart among the original's figures",
                    v.slice(*span),
                    fmt(*val)
                ),
                weight: d.weight("M101"),
            });
            return;
        }
    }
    for (val, digit) in &en {
        if *digit && !hi_vals.iter().any(|h| same(*h, *val)) {
            out.push(Evidence {
                code: &DOC,
                span: Span::new(s.start, s.end),
                message: format!(
                    "the original's figure {} is missing from the translation",
                    fmt(*val)
                ),
                // A missing figure may be a paraphrase ("100 percent sure" → "पूरी तरह
                // सुनिश्चित"): weaker than a figure the original does not have.
                weight: d.weight("M101") * d.weight("M101_missing_factor"),
            });
            return;
        }
    }
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::testing::g;

    fn view(t: &str) -> DocView<'_> {
        DocView::single(t, g())
    }

    #[test]
    fn scales_convert() {
        let d = &g().bilingual;
        assert_eq!(
            en_values("It cost $2.8bn and 125 million people", d),
            vec![2.8e9, 1.25e8]
        );
        let v = view("12.5 करोड़ लोग और 28 लाख");
        assert_eq!(hi_values(&v.sents[0], d), vec![1.25e8, 2.8e6]);
    }

    #[test]
    fn a_changed_figure_fires() {
        let t = "अतिरिक्त 6,000 मिलियन कार्यों को भेजा।";
        let v = view(t);
        let mut out = Vec::new();
        check(
            &v,
            &v.sents[0],
            "to send an additional 6,000 military workers",
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(v.slice(out[0].span), "6,000 मिलियन");
        let ok = view("अतिरिक्त 6,000 सैन्य कर्मियों को भेजा।");
        let mut out = Vec::new();
        check(
            &ok,
            &ok.sents[0],
            "to send an additional 6,000 military workers",
            &mut out,
        );
        assert!(out.is_empty());
    }
}
