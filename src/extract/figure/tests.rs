//! Unit tests of the figure parser: each reads like a specification.

use super::*;
use crate::claim::{FigureKind, Qualifier};
use crate::grammar::Grammars;

fn figs(text: &str) -> Vec<(String, Figure)> {
    parse_figures(text, Lang::Hi, &Grammars::builtin().figure)
        .into_iter()
        .map(|(s, f)| (s.slice(text).to_string(), f))
        .collect()
}

/// The single figure whose span text is `span`.
fn one(text: &str, span: &str) -> Figure {
    let all = figs(text);
    all.iter()
        .find(|(s, _)| s == span)
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| panic!("no figure `{span}` in {text:?}; got {all:?}"))
}

#[test]
fn smoke() {
    for t in ["40% से अधिक", "एक बयान में"] {
        eprintln!("{t}: {:?}", figs(t));
    }
    let f = one("गोला-बारूद के 40% से अधिक की आपूर्ति", "40% से अधिक");
    assert_eq!(
        (f.value, f.qualifier, f.figure),
        (40.0, Qualifier::MoreThan, FigureKind::Percent)
    );
}
