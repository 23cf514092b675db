//! The partitioned run (`contrib/spark/tathya_spark.py`: claims, per-bucket stats and pairs, link,
//! per-story check, merge) gives the stories and findings of one `check` over the same input.
//!
//! With PySpark and Java present (`.ci/run` installs them; `TATHYA_SPARK_PYTHON` names a Python
//! with pyspark) the job runs on Spark in local mode;
//! otherwise the same stages run as plain subprocesses (`--engine local`), and the test says so.
//! Corpora come from `../shared`; without it the test says so and passes.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tathya")
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tathya-spark-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A Python that can import pyspark, with Java on the path; or why not.
fn spark_python() -> Result<PathBuf, String> {
    if Command::new("java").arg("-version").output().is_err() {
        return Err("java is not installed".into());
    }
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("TATHYA_SPARK_PYTHON") {
        candidates.push(p.into());
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(Path::new(&home).join(".cache/tathya-spark-venv/bin/python"));
    }
    candidates.push("python3".into());
    for py in candidates {
        let ok = Command::new(&py)
            .args(["-c", "import pyspark"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Ok(py);
        }
    }
    Err("pyspark is not installed (.ci/run puts it in ~/.cache/tathya-spark-venv)".into())
}

fn has_python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The stories and findings of one `check` over `input`.
fn single(input: &Path) -> Value {
    let out = Command::new(bin())
        .args(["check", "--input", "jsonl", "--format", "json", "--quiet"])
        .arg(input)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("check prints JSON");
    serde_json::json!({"stories": v["stories"], "findings": v["findings"]})
}

/// The merged report of the partitioned job over `input`.
fn partitioned(python: &Path, engine: &str, input: &Path, dir: &Path) -> Value {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/spark/tathya_spark.py");
    let out_path = dir.join(format!("{engine}.json"));
    let out = Command::new(python)
        .arg(script)
        .args(["--engine", engine, "--tathya", bin()])
        .arg(input)
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the {engine} job failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{engine}: {}", String::from_utf8_lossy(&out.stderr).trim());
    serde_json::from_str(&std::fs::read_to_string(out_path).unwrap()).unwrap()
}

fn same_as_one_machine(name: &str, input: &Path, dir: &Path) {
    if !has_python() {
        eprintln!("{name}: skipped, python3 is not installed");
        return;
    }
    let one = single(input);
    let n_stories = one["stories"].as_array().unwrap().len();
    assert!(n_stories > 1, "{name}: {n_stories} stories");
    let (python, engine) = match spark_python() {
        Ok(py) => (py, "spark"),
        Err(why) => {
            eprintln!("{name}: Spark skipped ({why}); the same stages run without it");
            (PathBuf::from("python3"), "local")
        }
    };
    let got = partitioned(&python, engine, input, dir);
    for part in ["stories", "findings"] {
        let (a, b) = (one[part].as_array().unwrap(), got[part].as_array().unwrap());
        assert_eq!(a.len(), b.len(), "{name}: {part} differ in number");
        for (x, y) in a.iter().zip(b) {
            assert!(x == y, "{name}: {part} differ:\n{x}\n{y}");
        }
    }
    eprintln!(
        "{name}: {engine} = one machine: {n_stories} stories, {} findings",
        one["findings"].as_array().unwrap().len()
    );
}

#[test]
fn the_covid_corpus_partitioned_equals_one_machine() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("COVID corpus skipped: ../shared is absent");
        return;
    };
    let corpus = shared.join("corpora/hi_covid_5outlets");
    let Ok(index) = std::fs::read_to_string(corpus.join("index.jsonl")) else {
        eprintln!("COVID corpus skipped: no index.jsonl");
        return;
    };
    let dir = temp("covid");
    let mut jsonl = String::new();
    for line in index.lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        let text = std::fs::read_to_string(corpus.join(r["text_file"].as_str().unwrap())).unwrap();
        let rec = serde_json::json!({
            "id": r["id"], "text": text, "published": r["date"], "outlet": r["outlet"],
        });
        jsonl.push_str(&rec.to_string());
        jsonl.push('\n');
    }
    let input = dir.join("covid.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    same_as_one_machine("COVID", &input, &dir);
}

#[test]
fn the_bbc_corpus_partitioned_equals_one_machine() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("BBC corpus skipped: ../shared is absent");
        return;
    };
    let input = shared.join("corpora/hi_bbc_hindi_news/bbc_hindi_test.jsonl");
    if !input.is_file() {
        eprintln!("BBC corpus skipped: no bbc_hindi_test.jsonl");
        return;
    }
    let dir = temp("bbc");
    same_as_one_machine("BBC", &input, &dir);
}
