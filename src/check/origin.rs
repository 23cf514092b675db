//! Origins: who first put a claim out, so that copies are not counted as corroboration.
//!
//! Two outlets that run the same IANS copy, or that both relay Yonhap's line, are one origin, not
//! two. A member's origin is, in order: the wire its sentence cites ("योनहाप ने … बताया"), the wire
//! the document is credited to (a line or bracket "(आईएएनएस)"), or the document itself — where
//! documents that share most of their sentences word for word (a syndicated copy) are one origin,
//! named after the first of them. Primary sources (a ministry, KCNA) are not wires: two outlets
//! each quoting KCNA are two reports of what KCNA said.

use crate::analysis::Document;
use crate::check::align::{DocView, SentView};
use crate::check::norm::{CheckGrammar, FastMap, Term, hash};

/// Share of the smaller document's sentences two documents must have in common to be copies.
const COPY_SHARE: f64 = 0.6;

/// Least Jaccard similarity of two paragraphs' word 4-grams for them to be one copy: printed word
/// for word, up to a changed word or two (two outlets' own rewrites of one statement stay apart).
const PARAGRAPH_COPY: f64 = 0.8;
/// Paragraphs with fewer words than this are not compared (datelines, one-line headlines).
const PARAGRAPH_WORDS: usize = 12;
/// Longest posting list of a shingle that is walked (a boilerplate line shared by everything).
const SHINGLE_POSTINGS: usize = 64;

/// The origins of a story's documents.
#[derive(Debug, Clone)]
pub struct Origins {
    /// Per view: the document's own origin.
    doc: Vec<String>,
    /// Wire names, by grammar index.
    wires: Vec<String>,
    /// Per view: paragraphs `(start, end)` that carry a copy shared with another outlet, and the
    /// origin they are counted under (the first document that carries it).
    shared: Vec<Vec<(usize, usize, String)>>,
}

/// Word 4-gram shingles of a paragraph, hashed, sorted and deduplicated.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = crate::check::norm::raw_words(text)
        .into_iter()
        .map(|(a, b)| hash(&crate::check::norm::fold(&text[a..b])))
        .collect();
    if words.len() < PARAGRAPH_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(4)
        .map(|w| crate::tokens::hash_u64s(w.iter().copied()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The file name of a document id without its folders (for short display).
pub fn short_id(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}

fn seq_eq(words: &[Term], seq: &[Term]) -> bool {
    words == seq
}

/// The wire a document is credited to: a line that is only a wire's name, or a wire's name in
/// brackets.
pub fn credit(doc: &Document, g: &CheckGrammar) -> Option<usize> {
    let names = |s: &str| -> Vec<Term> { g.words(s).into_iter().map(|t| t.term).collect() };
    let is_wire = |terms: &[Term]| -> Option<usize> {
        g.wires.iter().position(|w| {
            w.aliases
                .iter()
                .chain(&w.credit_only)
                .any(|a| seq_eq(terms, a))
        })
    };
    for line in doc.text.lines() {
        let t = line.trim();
        if t.is_empty() || t.len() > 80 {
            if let Some(found) = bracketed(t, &names, &is_wire) {
                return Some(found);
            }
            continue;
        }
        if let Some(w) = is_wire(&names(t)) {
            return Some(w);
        }
        if let Some(found) = bracketed(t, &names, &is_wire) {
            return Some(found);
        }
    }
    None
}

fn bracketed(
    line: &str,
    names: &dyn Fn(&str) -> Vec<Term>,
    is_wire: &dyn Fn(&[Term]) -> Option<usize>,
) -> Option<usize> {
    let mut rest = line;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else {
            break;
        };
        let inner = &after[..close];
        if inner.len() <= 40
            && let Some(w) = is_wire(&names(inner))
        {
            return Some(w);
        }
        rest = &after[close + 1..];
    }
    None
}

impl Origins {
    /// Origins of the documents of one story.
    pub fn new(views: &[DocView], docs: &[&Document], g: &CheckGrammar) -> Self {
        let wires: Vec<String> = g.wires.iter().map(|w| w.name.clone()).collect();
        let mut own: Vec<String> = Vec::with_capacity(views.len());
        for v in views {
            let d = &docs[v.doc];
            // An outlet's own report: its name (from the record, a credit, else the file name).
            own.push(match credit(d, g) {
                Some(w) => wires[w].clone(),
                None if !d.outlet.is_empty() => d.outlet.clone(),
                None => short_id(&d.id).to_string(),
            });
        }
        // Copies: documents sharing most of their sentences.
        let mut by_sig: FastMap<Term, Vec<usize>> = FastMap::default();
        let mut sizes = vec![0usize; views.len()];
        for (k, v) in views.iter().enumerate() {
            let mut sigs: Vec<Term> = v
                .sents
                .iter()
                .filter(|s| s.dup_of.is_none() && s.terms.len() >= 4)
                .map(sig)
                .collect();
            sigs.sort_unstable();
            sigs.dedup();
            sizes[k] = sigs.len();
            for s in sigs {
                by_sig.entry(s).or_default().push(k);
            }
        }
        let mut shared: FastMap<(usize, usize), usize> = FastMap::default();
        for l in by_sig.values().filter(|l| l.len() > 1 && l.len() <= 64) {
            for (x, &a) in l.iter().enumerate() {
                for &b in &l[x + 1..] {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
        pairs.sort_unstable();
        let mut parent: Vec<usize> = (0..views.len()).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                x = p[x];
            }
            x
        }
        for ((a, b), n) in pairs {
            let smaller = sizes[a].min(sizes[b]).max(1);
            if n as f64 / smaller as f64 >= COPY_SHARE {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
        let doc: Vec<String> = (0..views.len())
            .map(|k| {
                let r = find(&mut parent, k);
                own[r].clone()
            })
            .collect();
        let shared = shared_paragraphs(views, docs, &doc);
        Origins { doc, wires, shared }
    }

    /// The origin of something said in sentence `s` of view `view`: the wire it cites, else the
    /// copy its paragraph shares with another outlet, else its document's own origin.
    pub fn of(&self, view: usize, s: &SentView) -> String {
        if let Some(w) = s.wire.and_then(|w| self.wires.get(w)) {
            return w.clone();
        }
        if let Some((_, _, o)) = self
            .shared
            .get(view)
            .and_then(|ps| ps.iter().find(|(a, b, _)| *a <= s.start && s.start < *b))
        {
            return o.clone();
        }
        self.doc.get(view).cloned().unwrap_or_default()
    }

    /// The document's own origin (its credit, or itself, or the copy it belongs with).
    pub fn document(&self, view: usize) -> &str {
        self.doc.get(view).map(String::as_str).unwrap_or("")
    }
}

/// Paragraphs of different documents that are near-identical copies (shingled similarity),
/// with the origin each copy is counted under: the origin of the first document carrying it.
fn shared_paragraphs(
    views: &[DocView],
    docs: &[&Document],
    doc_origin: &[String],
) -> Vec<Vec<(usize, usize, String)>> {
    let mut nodes: Vec<(usize, usize, usize)> = Vec::new(); // (view, start, end)
    let mut sets: Vec<Vec<u64>> = Vec::new();
    for (k, v) in views.iter().enumerate() {
        let d = &docs[v.doc];
        for (a, b) in crate::extract::frame::paragraphs(&d.text) {
            let sh = shingles(&d.text[a..b]);
            if !sh.is_empty() {
                nodes.push((k, a, b));
                sets.push(sh);
            }
        }
    }
    let mut postings: FastMap<u64, Vec<u32>> = FastMap::default();
    for (n, sh) in sets.iter().enumerate() {
        for &x in sh {
            postings.entry(x).or_default().push(n as u32);
        }
    }
    let mut shared: FastMap<(u32, u32), usize> = FastMap::default();
    let mut lists: Vec<&Vec<u32>> = postings
        .values()
        .filter(|l| l.len() > 1 && l.len() <= SHINGLE_POSTINGS)
        .collect();
    lists.sort_unstable();
    for l in lists {
        for (x, &a) in l.iter().enumerate() {
            for &b in &l[x + 1..] {
                if nodes[a as usize].0 != nodes[b as usize].0 {
                    *shared.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut pairs: Vec<((u32, u32), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), n) in pairs {
        let union = (sets[a as usize].len() + sets[b as usize].len())
            .saturating_sub(n)
            .max(1);
        if n as f64 / union as f64 >= PARAGRAPH_COPY {
            let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    // Clusters that span two or more documents.
    let mut views_of: FastMap<usize, Vec<usize>> = FastMap::default();
    for (n, node) in nodes.iter().enumerate() {
        let r = find(&mut parent, n);
        views_of.entry(r).or_default().push(node.0);
    }
    let mut out: Vec<Vec<(usize, usize, String)>> = vec![Vec::new(); views.len()];
    for (n, &(v, a, b)) in nodes.iter().enumerate() {
        let r = find(&mut parent, n);
        let vs = &views_of[&r];
        if vs.iter().any(|&x| x != v) {
            let first = *vs.iter().min().unwrap_or(&v);
            out[v].push((a, b, doc_origin[first].clone()));
        }
    }
    out
}

fn sig(s: &SentView) -> Term {
    crate::tokens::hash_u64s(s.terms.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grammars;

    fn doc(id: &str, text: &str) -> Document {
        crate::analyze(
            id,
            text.to_string(),
            None,
            &crate::Options::default(),
            Grammars::builtin(),
        )
    }

    #[test]
    fn credit_lines_and_brackets_name_the_wire() {
        let g = &Grammars::builtin().check;
        let d = doc("a", "सियोल : रूसी मंत्री रवाना हुए।\n\n(आईएएनएस)\n\nNext Story");
        assert_eq!(
            credit(&d, g).map(|w| g.wires[w].name.as_str()),
            Some("IANS")
        );
        let d = doc("b", "नई दिल्ली (भाषा) सरकार ने कहा कि सब ठीक है।");
        assert_eq!(credit(&d, g).map(|w| g.wires[w].name.as_str()), Some("PTI"));
        let d = doc(
            "c",
            "सियोल (दक्षिण कोरिया), एजेंसी। किम ने कहा।\nहम भाषा सीखते हैं।",
        );
        assert_eq!(credit(&d, g), None);
    }

    #[test]
    fn copies_share_an_origin_and_sentence_wires_win() {
        let g = &Grammars::builtin().check;
        let text = "रूस के रक्षा मंत्री दो दिवसीय दौरे के बाद प्योंगयांग से रवाना हुए।\nबेलौसोव ने किम जोंग उन से शुक्रवार को मुलाकात की।\nयोनहाप ने बताया कि प्रतिनिधिमंडल हवाई अड्डे से रवाना हुआ।";
        let docs = [
            doc("x/a.txt", text),
            doc("x/b.txt", text),
            doc(
                "x/c.txt",
                "दिल्ली में बारिश हुई और यातायात रुक गया।\nमौसम विभाग ने चेतावनी जारी की है।",
            ),
        ];
        let views: Vec<DocView> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| DocView::new(i, d, g))
            .collect();
        let o = Origins::new(&views, &docs.iter().collect::<Vec<_>>(), g);
        assert_eq!(o.document(0), "a.txt");
        assert_eq!(o.document(1), "a.txt");
        assert_eq!(o.document(2), "c.txt");
        assert_eq!(o.of(0, &views[0].sents[2]), "Yonhap");
        assert_eq!(o.of(1, &views[1].sents[1]), "a.txt");
    }
}
