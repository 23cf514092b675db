//! How evidence becomes a sentence score.
//!
//! Each piece of evidence is a probability-like weight. Within one rule only the strongest piece
//! counts (a sentence with five transliterations is not five times as suspect: human translators
//! of technical text transliterate a lot); across rules the weights combine as a noisy-or,
//! `1 − Π(1 − w)`. Strong rules carry weights at or
//! above the threshold and flag on their own; weak ones (< threshold) flag only together.

use serde::Deserialize;

/// The flag threshold, from `hi/mt/score.toml`.
#[derive(Debug, Deserialize)]
pub struct Data {
    /// Score at or above which a sentence is flagged.
    pub threshold: f64,
}

/// Combine `(code, weight)` pairs into a score in [0, 1].
pub fn combine(ev: &[(&str, f64)]) -> f64 {
    let mut codes: Vec<&str> = ev.iter().map(|(c, _)| *c).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut keep = 1.0;
    for c in codes {
        let mut w: Vec<f64> = ev
            .iter()
            .filter(|(k, _)| *k == c)
            .map(|(_, w)| w.clamp(0.0, 1.0))
            .collect();
        w.sort_by(|a, b| b.total_cmp(a));
        if let Some(x) = w.first() {
            keep *= 1.0 - x;
        }
    }
    (1.0 - keep).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noisy_or_of_the_strongest_per_rule() {
        assert_eq!(combine(&[]), 0.0);
        assert!((combine(&[("M001", 0.8)]) - 0.8).abs() < 1e-9);
        assert!((combine(&[("M004", 0.2), ("M009", 0.25)]) - 0.4).abs() < 1e-9);
        let many = combine(&[("M004", 0.2); 5]);
        assert!((many - 0.2).abs() < 1e-9);
    }
}
