//! The table of every finding code of every stage: what `tathya explain CODE` prints.
//!
//! Each stage owns its codes ([`crate::finding::document::CODES`], [`crate::extract::CODES`],
//! [`crate::mt::CODES`], [`crate::check::CODES`]); this table names them all, so it sits above
//! every stage.

use crate::finding::CodeDoc;

/// Every finding code, in code order.
pub fn all() -> Vec<&'static CodeDoc> {
    let mut all: Vec<&'static CodeDoc> = crate::finding::document::CODES
        .iter()
        .chain(crate::extract::CODES.iter())
        .chain(crate::check::CODES.iter())
        .chain(crate::mt::CODES.iter())
        .collect();
    all.sort_by_key(|c| c.code);
    all
}

/// Look a code up by its code (`Q001`, case-insensitive) or its name (`unbalanced-quote`).
pub fn lookup(code: &str) -> Option<&'static CodeDoc> {
    all()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(code) || c.name.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let all = all();
        for pair in all.windows(2) {
            assert_ne!(pair[0].code, pair[1].code, "duplicate code");
        }
        let mut names: Vec<_> = all.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len(), "duplicate code name");
        for c in all {
            assert!(
                c.code.len() == 4,
                "{} is not a letter and three digits",
                c.code
            );
            assert!(
                !c.what.is_empty() && !c.why.is_empty() && !c.example.is_empty(),
                "{} lacks docs",
                c.code
            );
        }
    }
}
