//! Unit tests of the speech pass: each construction in Hindi and in English, through the whole
//! pipeline so sentences, chrome and entities are real.

use crate::Document;
use crate::Grammars;
use crate::claim::{ClaimKind, QuoteKind};
use crate::document::Lang;
use crate::pipeline::{Options, analyze};

fn doc(text: &str, lang: Lang) -> Document {
    analyze(
        "t",
        text.to_string(),
        None,
        &Options {
            lang: Some(lang),
            skip_mt: true,
        },
        Grammars::builtin(),
    )
}

/// (kind, content, speaker text, speaker entity, resolved, source entities or texts)
type Q = (
    QuoteKind,
    String,
    Option<String>,
    Option<String>,
    bool,
    Vec<String>,
);

fn quotes(text: &str, lang: Lang) -> Vec<Q> {
    let d = doc(text, lang);
    d.claims
        .iter()
        .filter_map(|c| match &c.detail {
            ClaimKind::Quote(q) => Some((
                q.quote,
                q.content.slice(text).to_string(),
                q.speaker.as_ref().map(|s| s.text.clone()),
                q.speaker.as_ref().and_then(|s| s.entity.clone()),
                q.speaker_resolved,
                q.source
                    .iter()
                    .map(|s| s.entity.clone().unwrap_or_else(|| s.text.clone()))
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

/// (cue, source text, source entity, via entities)
fn attributions(text: &str, lang: Lang) -> Vec<(String, String, Option<String>, Vec<String>)> {
    doc(text, lang)
        .claims
        .iter()
        .filter_map(|c| match &c.detail {
            ClaimKind::Attribution(a) => Some((
                a.cue.clone(),
                a.source.text.clone(),
                a.source.entity.clone(),
                a.via
                    .iter()
                    .map(|s| s.entity.clone().unwrap_or_else(|| s.text.clone()))
                    .collect(),
            )),
            _ => None,
        })
        .collect()
}

fn find<'a>(qs: &'a [Q], content: &str) -> &'a Q {
    qs.iter()
        .find(|q| q.1.contains(content))
        .unwrap_or_else(|| panic!("no quote with {content:?} in {qs:#?}"))
}

#[test]
fn hi_direct_with_trailing_speaker_addressee_and_pronoun() {
    let t = "वह युद्ध के लिए गोला-बारूद दे रहा है और “यह अच्छे हथियार हैं,” सैन्य खुफिया प्रमुख अर्जुन मेहता ने एक अखबार को बताया।\n“उनके पास बहुत बड़ा भंडार है,” उन्होंने कहा।";
    let qs = quotes(t, Lang::Hi);
    let a = find(&qs, "यह अच्छे हथियार हैं,");
    assert_eq!(a.0, QuoteKind::Direct);
    assert_eq!(
        a.2.as_deref(),
        Some("अर्जुन मेहता"),
        "the ने-phrase speaks, not the को-phrase"
    );
    let b = find(&qs, "बहुत बड़ा भंडार");
    assert_eq!(b.0, QuoteKind::Direct);
    assert_eq!(b.2.as_deref(), Some("उन्होंने"));
    assert_eq!(b.3, a.3, "the pronoun resolves to the same person");
    assert!(b.4);
}

#[test]
fn hi_pronoun_falls_back_to_a_named_person_mentioned_before() {
    let t = "45 वर्षीय श्री रमेश डेविस जो लिडनी में रहते हैं, उन्होंने कहा कि उनका बेटा होनहार था।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "उनका बेटा");
    assert_eq!(q.3.as_deref(), Some("Ramesh Devis"));
    assert!(q.4);
}

#[test]
fn hi_pronoun_without_antecedent_is_unresolved() {
    let t = "बाजार आज बंद रहा।\n“हम तैयार हैं,” उन्होंने कहा।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "हम तैयार हैं");
    assert_eq!(q.2.as_deref(), Some("उन्होंने"));
    assert_eq!(q.3, None);
    assert!(!q.4, "never guessed silently");
}

#[test]
fn hi_indirect_with_fragment_and_title_apart() {
    let t = "रूसी विदेश मंत्री सर्गेई लावरोव ने कहा कि उत्तर कोरिया ने अपने “स्पष्ट समर्थन” की पुष्टि की है।";
    let d = doc(t, Lang::Hi);
    let qs = quotes(t, Lang::Hi);
    let ind = find(&qs, "उत्तर कोरिया ने अपने");
    assert_eq!(ind.0, QuoteKind::Indirect);
    assert_eq!(ind.3.as_deref(), Some("Sergei Lavrov"));
    let frag = qs.iter().find(|q| q.1 == "स्पष्ट समर्थन").expect("fragment");
    assert_eq!(frag.0, QuoteKind::Fragment);
    assert_eq!(frag.2.as_deref(), Some("सर्गेई लावरोव"));
    let title = d.claims.iter().find_map(|c| match &c.detail {
        ClaimKind::Quote(q) => q.speaker.as_ref().and_then(|s| s.title.clone()),
        _ => None,
    });
    assert_eq!(title.as_deref(), Some("रूसी विदेश मंत्री"));
}

#[test]
fn hi_unmarked_statement_is_also_an_attribution() {
    let t = "रूस के रक्षा मंत्रालय ने एक बयान में कहा, बुधवार को मंत्री ने अपने समकक्ष के साथ बातचीत की।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "बुधवार को मंत्री");
    assert_eq!(q.0, QuoteKind::Unmarked);
    assert_eq!(q.3.as_deref(), Some("Russian Ministry of Defence"));
    let at = attributions(t, Lang::Hi);
    assert!(
        at.iter()
            .any(|a| a.0 == "ने एक बयान में कहा"
                && a.2.as_deref() == Some("Russian Ministry of Defence")),
        "{at:?}"
    );
}

#[test]
fn hi_trailing_unmarked_speech() {
    let t = "अधिकारियों ने पर्यटकों के प्रवाह में वृद्धि की सुविधा प्रदान की, लावरोव ने कहा।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "पर्यटकों के प्रवाह");
    assert_eq!(q.0, QuoteKind::Unmarked);
    assert_eq!(q.3.as_deref(), Some("Sergei Lavrov"));
}

#[test]
fn hi_descriptive_and_passive_frames() {
    let t = "कुछ विशेषज्ञों का कहना है कि बातचीत से तनाव कम होगा। रिपोर्ट में कहा गया है कि बैठक लंबी चली।";
    let qs = quotes(t, Lang::Hi);
    let a = find(&qs, "तनाव कम होगा");
    assert_eq!(a.0, QuoteKind::Indirect);
    assert_eq!(a.2.as_deref(), Some("कुछ विशेषज्ञों"));
    assert_eq!(a.3, None, "a description is no entity");
    let b = find(&qs, "बैठक लंबी चली");
    assert_eq!(b.0, QuoteKind::Indirect);
    assert_eq!(b.2.as_deref(), Some("रिपोर्ट"));
}

#[test]
fn hi_chain_and_trailing_cue_cover_quotes() {
    let t = "प्रतिनिधिमंडल रवाना हुआ, योनहाप ने कोरियन सेंट्रल न्यूज एजेंसी (केसीएनए) के हवाले से बताया।\nमंत्री ने पुस्तिका में \"शांति\" की कामना की, केसीएनए के अनुसार।";
    let at = attributions(t, Lang::Hi);
    assert!(
        at.iter().any(|a| a.0 == "के हवाले से"
            && a.2.as_deref() == Some("Yonhap")
            && a.3 == ["Korean Central News Agency"]),
        "{at:?}"
    );
    assert!(at.iter().any(|a| a.0 == "के अनुसार" && a.1 == "केसीएनए"));
    let qs = quotes(t, Lang::Hi);
    let s = find(&qs, "शांति");
    assert_eq!(s.0, QuoteKind::Fragment);
    assert_eq!(s.5, ["Korean Central News Agency"]);
    let u = find(&qs, "प्रतिनिधिमंडल रवाना हुआ");
    assert_eq!(u.0, QuoteKind::Unmarked);
    assert_eq!(u.3.as_deref(), Some("Yonhap"));
}

#[test]
fn hi_direct_inside_indirect_gets_speaker_and_source() {
    let t = "केसीएनए ने बताया कि स्वागत समारोह में शोइगु ने सेना की प्रशंसा करते हुए कहा कि यह \"दुनिया की सबसे मजबूत सेना बन गई है।\" टिप्पणी शामिल नहीं थी।";
    let qs = quotes(t, Lang::Hi);
    let q = qs
        .iter()
        .find(|q| q.1 == "दुनिया की सबसे मजबूत सेना बन गई है।")
        .expect("direct");
    assert_eq!(q.0, QuoteKind::Direct);
    assert_eq!(q.3.as_deref(), Some("Sergei Shoigu"));
    assert_eq!(q.5, ["Korean Central News Agency"]);
}

#[test]
fn hi_scare_quote_in_headline_and_after_label() {
    let t = "नेता ने 'सैन्य सहयोग' पर मंत्री से मुलाकात की\n\nसरकार ने तथाकथित “शांति योजना” पेश की।";
    let qs = quotes(t, Lang::Hi);
    assert_eq!(find(&qs, "सैन्य सहयोग").0, QuoteKind::Scare);
    assert_eq!(find(&qs, "शांति योजना").0, QuoteKind::Scare);
}

#[test]
fn hi_agency_credit_line() {
    let t = "मंत्री दौरे पर पहुंचे।\n\n(आईएएनएस)\n";
    let at = attributions(t, Lang::Hi);
    assert_eq!(at.len(), 1);
    assert_eq!(at[0].0, "credit");
    assert_eq!(at[0].2.as_deref(), Some("IANS"));
}

#[test]
fn wire_dateline_credit_and_dateline_outside_content() {
    let t = "SEOUL, Dec 1 (Reuters) - The delegation left Pyongyang on Sunday.";
    let at = attributions(t, Lang::En);
    assert!(
        at.iter()
            .any(|a| a.0 == "credit" && a.2.as_deref() == Some("Reuters")),
        "{at:?}"
    );
    let t = "सियोल : मंत्री प्योंगयांग से रवाना हो गए, सरकारी मीडिया ने रविवार को यह जानकारी दी।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "मंत्री प्योंगयांग से");
    assert!(
        q.1.starts_with("मंत्री"),
        "the dateline is not reported speech: {:?}",
        q.1
    );
}

#[test]
fn unbalanced_mark_is_a_finding() {
    let d = doc(
        "उत्तर कोरिया ने जून में वॉन्सन ‘कलमा कोस्टल क्षेत्र को खोल दिया।",
        Lang::Hi,
    );
    assert!(d.findings.iter().any(|f| f.code == "Q001"));
    let d = doc("North Korea's leader didn't say so.", Lang::En);
    assert!(
        !d.findings.iter().any(|f| f.code == "Q001"),
        "apostrophes are not quote marks"
    );
}

#[test]
fn en_said_that_with_fragment() {
    let t = "Russian Foreign Minister Sergei Lavrov said that North Korea had confirmed its \"unwavering support\" for Moscow.";
    let qs = quotes(t, Lang::En);
    let a = find(&qs, "North Korea had confirmed");
    assert_eq!(a.0, QuoteKind::Indirect);
    assert_eq!(a.3.as_deref(), Some("Sergei Lavrov"));
    let f = qs
        .iter()
        .find(|q| q.1 == "unwavering support")
        .expect("fragment");
    assert_eq!(f.0, QuoteKind::Fragment);
    assert_eq!(f.3.as_deref(), Some("Sergei Lavrov"));
}

#[test]
fn en_trailing_and_inverted_speakers_and_pronoun() {
    let t = "\"These are good weapons,\" Ukrainian intelligence chief Arjun Mehta told Bloomberg News.\n\"They have a huge stockpile,\" he said.\n\"It is part of the dialogue,\" said Maria Zakharova.";
    let qs = quotes(t, Lang::En);
    let a = find(&qs, "good weapons");
    assert_eq!(a.0, QuoteKind::Direct);
    assert_eq!(
        a.2.as_deref(),
        Some("Arjun Mehta"),
        "Bloomberg News is the addressee"
    );
    let b = find(&qs, "huge stockpile");
    assert_eq!(b.2.as_deref(), Some("he"));
    assert_eq!(b.3, a.3);
    assert!(b.4);
    let c = find(&qs, "part of the dialogue");
    assert_eq!(c.3.as_deref(), Some("Maria Zakharova"));
}

#[test]
fn en_according_to_and_unresolved_pronoun() {
    let t =
        "The delegation left Pyongyang on Sunday, according to KCNA.\n\"We are ready,\" they said.";
    let at = attributions(t, Lang::En);
    assert!(
        at.iter()
            .any(|a| a.0 == "according to" && a.2.as_deref() == Some("Korean Central News Agency")),
        "{at:?}"
    );
    let qs = quotes(t, Lang::En);
    let q = find(&qs, "We are ready");
    assert!(!q.4, "they is not resolved to a person");
}

#[test]
fn en_so_called_is_scare() {
    let qs = quotes(
        "The government presented its so-called \"peace plan\" on Monday.",
        Lang::En,
    );
    assert_eq!(find(&qs, "peace plan").0, QuoteKind::Scare);
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "“",
        "”",
        "\"",
        "'",
        "ने",
        "ने कहा कि",
        "कहा,",
        "said",
        "\"a\nb\nc",
        "के अनुसार",
        "(",
        "()",
        "ने ने ने कहा",
    ] {
        let _ = doc(t, Lang::Hi);
        let _ = doc(t, Lang::En);
    }
}

#[test]
fn random_mixtures_of_marks_words_and_cues_never_panic_and_keep_spans_valid() {
    let pieces = [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        " ",
        "\n",
        "।",
        ".",
        ",",
        ":",
        "(",
        ")",
        "ने",
        "कहा",
        "कि",
        "बताया",
        "के अनुसार",
        "के हवाले से",
        "उन्होंने",
        "शोइगु",
        "केसीएनए",
        "said",
        "told",
        "he",
        "according to",
        "Lavrov",
        "रक्षा मंत्री",
        "का कहना है",
        "कहा गया है",
        "़",
        "्",
        "ं",
        "(आईएएनएस)",
        "don't",
        "Korea's",
        "—",
        "-",
        "KCNA",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut t = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for lang in [Lang::Hi, Lang::En] {
            let d = doc(&t, lang);
            for c in &d.claims {
                assert!(
                    t.get(c.start..c.end).is_some(),
                    "claim span off a boundary in {t:?}"
                );
                if let ClaimKind::Quote(q) = &c.detail {
                    assert!(t.get(q.content.start..q.content.end).is_some());
                    if let Some(s) = &q.speaker {
                        assert_eq!(t.get(s.start..s.end), Some(s.text.as_str()));
                    }
                }
            }
            for e in &d.entities {
                for m in &e.mentions {
                    assert_eq!(t.get(m.start..m.end), Some(m.text.as_str()));
                }
            }
        }
    }
}

#[test]
fn en_apposition_determiners_and_negated_cues() {
    let t = "Ms Davis, aged 45, who lives in Lydney, said her son was a promising chef.\nPark Byeong-seug, citing data from the ministry, said there had been 1,127 defections.\nSaipov was inspired by videos, according to the indictment.\nThe Japanese carmaker said the delays could cost jobs.\n\"We have looked at those numbers,\" she said, adding without citing evidence.";
    let qs = quotes(t, Lang::En);
    assert_eq!(find(&qs, "her son was").2.as_deref(), Some("Davis"));
    assert_eq!(
        find(&qs, "1,127 defections").2.as_deref(),
        Some("Park Byeong-seug")
    );
    assert_eq!(
        find(&qs, "the delays could").2.as_deref(),
        Some("The Japanese carmaker")
    );
    let at = attributions(t, Lang::En);
    assert!(
        at.iter()
            .any(|a| a.0 == "according to" && a.1 == "the indictment"),
        "{at:?}"
    );
    assert!(!at.iter().any(|a| a.1 == "evidence"), "{at:?}");
}

#[test]
fn en_trailing_inverted_without_marks() {
    let qs = quotes(
        "Syria is ready for refugees to return, says Foreign Minister Walid Moualem.",
        Lang::En,
    );
    let q = find(&qs, "Syria is ready");
    assert_eq!(q.0, QuoteKind::Unmarked);
    assert_eq!(q.2.as_deref(), Some("Walid Moualem"));
}

#[test]
fn en_said_with_a_short_clause_is_indirect_not_trailing() {
    let qs = quotes(
        "He said the plan failed. The minister told reporters.",
        Lang::En,
    );
    let q = find(&qs, "the plan failed");
    assert_eq!(q.0, QuoteKind::Indirect);
    assert_eq!(q.2.as_deref(), Some("He"));
}

#[test]
fn hi_pronoun_after_a_described_agent_is_not_pinned_on_a_passing_name() {
    let t = "रूसी मंत्री ने संस्थापक किम इल-सुंग के जन्मस्थान का दौरा किया, जहां उन्होंने \"शांति\" की कामना की।";
    let qs = quotes(t, Lang::Hi);
    let q = find(&qs, "शांति");
    assert_eq!(q.2.as_deref(), Some("उन्होंने"));
    assert_eq!(
        q.3, None,
        "Kim Il Sung is only mentioned; the agent is the minister"
    );
    assert!(!q.4);
}
