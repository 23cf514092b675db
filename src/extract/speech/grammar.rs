//! The speech grammar: reporting verbs, frames, cues and pronouns per language, from
//! `grammars/hi/speech.toml` and `grammars/en/speech.toml`.

use serde::Deserialize;

use crate::document::Lang;
use crate::error::GrammarError;
use crate::extract::speech::words;
use crate::grammar::GrammarSet;

/// A list of phrases, each as normalised words (indexed by first word).
pub type Phrases = words::PhraseList;

#[derive(Debug, Deserialize)]
struct RawFile {
    /// Words that mark the agent of a past-tense verb (Hindi ने).
    #[serde(default)]
    agent_markers: Vec<String>,
    /// Pronouns that carry the agent marker (उन्होंने).
    #[serde(default)]
    agent_pronouns: Vec<String>,
    /// Pronouns that refer to a person (he, she, वह).
    #[serde(default)]
    person_pronouns: Vec<String>,
    /// Pronouns that refer to a group or thing (they, it): never resolved to a person.
    #[serde(default)]
    other_pronouns: Vec<String>,
    /// Reporting verbs whose agent comes before them.
    verbs: Vec<String>,
    /// Reporting verbs whose agent may follow them ("…,” said Lavrov).
    #[serde(default)]
    inverted_verbs: Vec<String>,
    /// Verbs that make the frame an attribution too (बताया, told, reported).
    #[serde(default)]
    attribution_verbs: Vec<String>,
    /// Words between the agent and the verb that make it a statement ("एक बयान में").
    #[serde(default)]
    statement_cues: Vec<String>,
    /// Words that open the reported clause (कि, that).
    complementizers: Vec<String>,
    /// Words that may stand between a verb and its complementizer (है, था; on Monday).
    #[serde(default)]
    auxiliaries: Vec<String>,
    /// Genitive frames "X का कहना है (कि)": the speaker precedes them.
    #[serde(default)]
    genitive_frames: Vec<String>,
    /// Agentless frames: "रिपोर्ट में कहा गया है कि", "it was said that".
    #[serde(default)]
    passive_frames: Vec<String>,
    /// Postposition that names where a passive statement was made (में: "रिपोर्ट में").
    #[serde(default)]
    passive_locus: Vec<String>,
    /// Cues whose source precedes them: के अनुसार, के मुताबिक, के हवाले से.
    #[serde(default)]
    cues_after_source: Vec<String>,
    /// Cues whose source follows them: according to, citing.
    #[serde(default)]
    cues_before_source: Vec<String>,
    /// Cues that name an earlier link of the chain when they sit inside a frame.
    #[serde(default)]
    chain_cues: Vec<String>,
    /// Words that end a noun phrase read away from a verb or cue.
    np_stops: Vec<String>,
    /// Words that make a noun phrase descriptive rather than a name (कुछ, some).
    #[serde(default)]
    determiners: Vec<String>,
    /// Genitive markers (का, के, की, of).
    #[serde(default)]
    genitives: Vec<String>,
    /// Words before a quote mark that make it a label (तथाकथित, so-called).
    #[serde(default)]
    label_before: Vec<String>,
    /// Words after a quote mark that make it a label (नामक, called).
    #[serde(default)]
    label_after: Vec<String>,
    /// Agency credits: "(आईएएनएस)", "(Reuters)" on a line of their own or ending one.
    #[serde(default)]
    credits: Vec<String>,
    /// Saying verbs that may open unmarked speech after a comma or colon (कहा, said).
    #[serde(default)]
    unmarked_verbs: Vec<String>,
    /// Present-tense verbs whose subject stands right before them, unmarked (कहते हैं).
    #[serde(default)]
    present_verbs: Vec<String>,
    /// Words that open a new clause rather than reported words (हालांकि, जबकि, while).
    #[serde(default)]
    clause_openers: Vec<String>,
    /// Common nouns that head descriptions, not names (रिपोर्ट, सूत्र, officials).
    #[serde(default)]
    common_nouns: Vec<String>,
    /// Words that negate a cue right after them ("without citing").
    #[serde(default)]
    negations: Vec<String>,
}

/// The compiled speech data of one language.
#[derive(Debug, Default)]
pub struct LangSpeech {
    /// Agent markers (ने).
    pub agent_markers: Phrases,
    /// Agent pronouns (उन्होंने).
    pub agent_pronouns: Phrases,
    /// Person pronouns.
    pub person_pronouns: Phrases,
    /// Non-person pronouns.
    pub other_pronouns: Phrases,
    /// Reporting verbs.
    pub verbs: Phrases,
    /// Verbs whose agent may follow.
    pub inverted_verbs: Phrases,
    /// Verbs that make an attribution.
    pub attribution_verbs: Phrases,
    /// Statement cues.
    pub statement_cues: Phrases,
    /// Complementizers.
    pub complementizers: Phrases,
    /// Auxiliaries.
    pub auxiliaries: Phrases,
    /// Genitive frames.
    pub genitive_frames: Phrases,
    /// Passive frames.
    pub passive_frames: Phrases,
    /// Passive locus postpositions.
    pub passive_locus: Phrases,
    /// Cues after their source.
    pub cues_after_source: Phrases,
    /// Cues before their source.
    pub cues_before_source: Phrases,
    /// Chain cues.
    pub chain_cues: Phrases,
    /// NP stop words.
    pub np_stops: Phrases,
    /// Determiners.
    pub determiners: Phrases,
    /// Genitive markers.
    pub genitives: Phrases,
    /// Label cues before a quote.
    pub label_before: Phrases,
    /// Label cues after a quote.
    pub label_after: Phrases,
    /// Credit names, as normalised phrases.
    pub credits: Phrases,
    /// Verbs that may open unmarked speech.
    pub unmarked_verbs: Phrases,
    /// Present-tense verbs with an unmarked subject.
    pub present_verbs: Phrases,
    /// Clause openers.
    pub clause_openers: Phrases,
    /// Common nouns heading descriptions.
    pub common_nouns: Phrases,
    /// Negations of a following cue.
    pub negations: Phrases,
    /// First words of the genitive frames, passive frames and verbs: a word not here opens no
    /// frame (one probe instead of three per word).
    pub frame_starts: words::FxHashSet<String>,
    /// First words of the cues (before or after their source).
    pub cue_starts: words::FxHashSet<String>,
}

fn firsts(lists: &[&Phrases]) -> words::FxHashSet<String> {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .filter_map(|p| p.first().cloned())
        .collect()
}

fn ph(v: &[String]) -> Phrases {
    v.iter()
        .map(|s| words::phrase(s))
        .filter(|p| !p.is_empty())
        .collect()
}

impl LangSpeech {
    fn from_raw(r: RawFile) -> Self {
        let mut g = LangSpeech {
            agent_markers: ph(&r.agent_markers),
            agent_pronouns: ph(&r.agent_pronouns),
            person_pronouns: ph(&r.person_pronouns),
            other_pronouns: ph(&r.other_pronouns),
            verbs: ph(&r.verbs),
            inverted_verbs: ph(&r.inverted_verbs),
            attribution_verbs: ph(&r.attribution_verbs),
            statement_cues: ph(&r.statement_cues),
            complementizers: ph(&r.complementizers),
            auxiliaries: ph(&r.auxiliaries),
            genitive_frames: ph(&r.genitive_frames),
            passive_frames: ph(&r.passive_frames),
            passive_locus: ph(&r.passive_locus),
            cues_after_source: ph(&r.cues_after_source),
            cues_before_source: ph(&r.cues_before_source),
            chain_cues: ph(&r.chain_cues),
            np_stops: ph(&r.np_stops),
            determiners: ph(&r.determiners),
            genitives: ph(&r.genitives),
            label_before: ph(&r.label_before),
            label_after: ph(&r.label_after),
            credits: ph(&r.credits),
            unmarked_verbs: ph(&r.unmarked_verbs),
            present_verbs: ph(&r.present_verbs),
            clause_openers: ph(&r.clause_openers),
            common_nouns: ph(&r.common_nouns),
            negations: ph(&r.negations),
            frame_starts: Default::default(),
            cue_starts: Default::default(),
        };
        g.frame_starts = firsts(&[&g.genitive_frames, &g.passive_frames, &g.verbs]);
        g.cue_starts = firsts(&[&g.cues_after_source, &g.cues_before_source]);
        g
    }

    /// True when the normalised word is in the one-word phrases of `list`.
    pub fn has(list: &Phrases, w: &str) -> bool {
        list.has_word(w)
    }
}

/// Reporting verbs, attribution cues and quote marks.
#[derive(Debug)]
pub struct SpeechGrammar {
    /// Hindi.
    pub hi: LangSpeech,
    /// English.
    pub en: LangSpeech,
}

impl SpeechGrammar {
    /// Load the speech grammar files.
    pub fn load(set: &GrammarSet) -> Result<Self, GrammarError> {
        let hi: RawFile = set.parse("hi/speech.toml")?;
        let en: RawFile = set.parse("en/speech.toml")?;
        Ok(SpeechGrammar {
            hi: LangSpeech::from_raw(hi),
            en: LangSpeech::from_raw(en),
        })
    }

    /// The data for a document language (Hindi pages carry English words too, so the caller may
    /// use both).
    pub fn for_lang(&self, lang: Lang) -> &LangSpeech {
        match lang {
            Lang::En => &self.en,
            _ => &self.hi,
        }
    }
}
