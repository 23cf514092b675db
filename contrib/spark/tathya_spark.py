#!/usr/bin/env python3
"""tathya as stages of a partitioned job: `claims` maps, `check --input claims` reduces.

    articles.jsonl ─► tathya claims (map, RDD.pipe) ─► claims records, each with story_keys
      ─► by story key (a date bucket; every record also goes to the buckets within the story
         window before it, so any two documents that can share a story meet in one bucket)
      ─► check --count-stats per bucket, summed: the run's term frequencies (small)
      ─► check --pairs per bucket: the story scores of the pairs its documents own
      ─► check --link on the driver: the pairs linked into stories, numbered as one machine
         numbers them (small: documents and pairs, no text)
      ─► by story: every story's records to one reducer, through check --plan
      ─► merge: stories by number, findings sorted as `tathya check` sorts them

The merged report ({"stories": [...], "findings": [...]}) equals the `stories` and `findings`
of one `tathya check --format json` over the same input.

    python3 contrib/spark/tathya_spark.py --tathya target/release/tathya in.jsonl out.json
    python3 contrib/spark/tathya_spark.py --engine local ...   # the same stages without Spark

`--engine spark` runs PySpark in local mode (`local[N]`); `--engine local` runs the same stages
with plain subprocesses (for machines without Java or pyspark).
"""

import argparse
import json
import os
import re
import subprocess
import sys

SEVERITY = {"info": 0, "warning": 1, "error": 2}
# Every check finding's message ends with its group's id: "… (S3.G2)".
GROUP_ID = re.compile(r"\((S\d+)\.(G\d+)\)$")
KEYS_TAIL = re.compile(r'"story_keys":(\[[^\]]*\])\}\s*$')


def claims_command(args):
    return [
        args.tathya, "claims", "--input", "jsonl", "--format", "jsonl", "--quiet",
        "--bucket-days", str(args.bucket_days), "--window-days", str(args.window_days), "-",
    ]


def check_command(args, *extra):
    return [args.tathya, "check", "--input", "claims", "--quiet", "--fail-on", "never",
            "--window-days", str(args.window_days), *extra, "-"]


def pipe(cmd, lines):
    """Lines through a command; its standard output."""
    p = subprocess.run(cmd, input="".join(line + "\n" for line in lines),
                       capture_output=True, text=True, encoding="utf-8")
    if p.returncode not in (0, 1, 2) or (p.returncode == 2 and not p.stdout):
        raise RuntimeError(f"{' '.join(cmd)} failed: {p.stderr}")
    return p.stdout


def count_stats(args, key, lines):
    """The term frequencies of the bucket's own documents."""
    return json.loads(pipe(check_command(args, "--partition", key, "--count-stats"), lines))


def score_pairs(args, key, lines, stats):
    """The bucket's documents and the story scores of the pairs they own."""
    cmd = check_command(args, "--partition", key, "--stats", stats, "--pairs")
    return pipe(cmd, lines).splitlines()


def link(args, lines, position):
    """Every bucket's documents (in input order) and pairs, linked into stories."""
    docs, pairs = [], []
    for line in lines:
        (docs if line.startswith('{"type":"doc"') else pairs).append(line)
    docs.sort(key=lambda d: position[json.loads(d)["id"]])
    cmd = [args.tathya, "check", "--window-days", str(args.window_days), "--link", "-"]
    return [json.loads(x) for x in pipe(cmd, docs + pairs).splitlines()]


def check_stories(args, lines, plan):
    """Whole stories' records (in input order) through `check --plan`."""
    out = []
    for line in pipe(check_command(args, "--plan", plan, "--format", "jsonl"), lines).splitlines():
        item = json.loads(line)
        if item.get("type") in ("story", "finding"):
            out.append(item)
    return out


def sum_stats(parts):
    """One partition's counts after another: the run's term frequencies."""
    total = {"documents": 0, "sentences": 0, "terms": {}, "frames": {}}
    for s in parts:
        total["documents"] += s["documents"]
        total["sentences"] += s["sentences"]
        for field in ("terms", "frames"):
            acc = total[field]
            for k, c in s[field]:
                acc[k] = acc.get(k, 0) + c
    for field in ("terms", "frames"):
        total[field] = sorted(total[field].items())
    return total


def story_keys(record_line):
    """The keys a claims record is sent to (its own first), read from the line's tail."""
    m = KEYS_TAIL.search(record_line)
    if m:
        return json.loads(m.group(1))
    return json.loads(record_line).get("story_keys") or ["undated"]


def merge(items, position):
    """One report from the reducers' stories and findings, in the order one machine gives."""
    number = lambda sid: int(sid[1:])
    stories = sorted((x for x in items if x["type"] == "story"), key=lambda s: number(s["id"]))
    findings = []
    for f in (x for x in items if x["type"] == "finding"):
        m = GROUP_ID.search(f["message"])
        if not m:
            raise RuntimeError(f"a finding without its group: {f['message']}")
        order = (number(m.group(1)), -SEVERITY[f["severity"]], position.get(f.get("document"), -1),
                 f["start"], f["end"], f["code"])
        findings.append((order, f))
    findings.sort(key=lambda x: x[0])
    strip = lambda x: {k: v for k, v in x.items() if k != "type"}
    return {"stories": [strip(s) for s in stories], "findings": [strip(f) for _, f in findings]}


def write(args, name, text):
    path = os.path.join(args.workdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def write_stats(args, stats):
    return write(args, "tathya-stats.json", json.dumps(stats))


def write_plan(args, plan):
    return write(args, "tathya-plan.jsonl", "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in plan))


def run_local(args, lines):
    records = pipe(claims_command(args), lines).splitlines()
    if len(records) != len(lines):
        raise RuntimeError(f"claims wrote {len(records)} records for {len(lines)} articles")
    position = {}
    for pos, rec in enumerate(records):
        position.setdefault(json.loads(rec)["id"], pos)
    by_key = {}
    for rec in records:
        for k in story_keys(rec):
            by_key.setdefault(k, []).append(rec)
    keys = sorted(by_key)
    stats = write_stats(args, sum_stats(count_stats(args, k, by_key[k]) for k in keys))
    scored = [line for k in keys for line in score_pairs(args, k, by_key[k], stats)]
    plan = link(args, scored, position)
    story_of = {d: n for n, p in enumerate(plan) for d in p["documents"]}
    plan_file = write_plan(args, plan)
    by_part = {}
    for rec in records:
        n = story_of.get(json.loads(rec)["id"])
        if n is not None:
            by_part.setdefault(n % args.partitions, []).append(rec)
    items = [x for part in sorted(by_part) for x in check_stories(args, by_part[part], plan_file)]
    return merge(items, position), len(keys)


def run_spark(args, lines):
    from pyspark import SparkConf, SparkContext

    conf = (SparkConf().setMaster(f"local[{args.cores}]").setAppName("tathya")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false").set("spark.driver.memory", "1g"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        articles = sc.parallelize(lines, args.partitions)
        # Map: every article through `tathya claims`, a partition at a time.
        records = articles.pipe(" ".join(claims_command(args)))
        # One record per article, in order within each partition: number them by input order.
        numbered = records.zip(articles.zipWithIndex().map(lambda x: x[1])).cache()
        position = dict(numbered.map(lambda r: (json.loads(r[0])["id"], r[1]))
                        .reduceByKey(min).collect())
        keyed = numbered.flatMap(lambda r: [(k, (r[1], r[0])) for k in story_keys(r[0])])
        keys = sorted(keyed.keys().distinct().collect())
        index = {k: i for i, k in enumerate(keys)}
        buckets = keyed.partitionBy(len(keys), lambda k: index[k]).cache()
        targs = args

        def in_order(items):
            return [rec for _, (_, rec) in sorted(items, key=lambda kv: kv[1][0])]

        # Every bucket counts its own documents' term frequencies; their sum goes to all.
        counts = buckets.mapPartitionsWithIndex(
            lambda i, items: [count_stats(targs, keys[i], in_order(items))]).collect()
        stats_file = write_stats(args, sum_stats(counts))
        sc.addFile(stats_file)
        stats_name = os.path.basename(stats_file)

        def pairs(i, items):
            from pyspark import SparkFiles
            return score_pairs(targs, keys[i], in_order(items), SparkFiles.get(stats_name))

        # Story formation: pairs scored per bucket, linked on the driver (no text moves).
        plan = link(args, buckets.mapPartitionsWithIndex(pairs).collect(), position)
        plan_file = write_plan(args, plan)
        sc.addFile(plan_file)
        plan_name = os.path.basename(plan_file)
        story_of = sc.broadcast({d: n for n, p in enumerate(plan) for d in p["documents"]})

        # Reduce: each story's records to one reducer, in input order, through `check --plan`.
        by_story = (numbered.map(lambda r: (story_of.value.get(json.loads(r[0])["id"]), (r[1], r[0])))
                    .filter(lambda kv: kv[0] is not None)
                    .partitionBy(args.partitions, lambda n: n % targs.partitions))

        def reduce(items):
            from pyspark import SparkFiles
            got = in_order(items)
            return check_stories(targs, got, SparkFiles.get(plan_name)) if got else []

        items = by_story.mapPartitions(reduce).collect()
        return merge(items, position), len(keys)
    finally:
        sc.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="articles as JSON Lines (id, text, optional published, outlet, lang)")
    ap.add_argument("output", help="where the merged report goes (JSON)")
    ap.add_argument("--tathya", default="tathya", help="the tathya binary")
    ap.add_argument("--engine", choices=["spark", "local"], default="spark")
    ap.add_argument("--bucket-days", type=int, default=7)
    ap.add_argument("--window-days", type=int, default=3)
    ap.add_argument("--partitions", type=int, default=4, help="partitions of the map stage")
    ap.add_argument("--cores", type=int, default=2, help="Spark local[N]")
    args = ap.parse_args()
    import tempfile
    tmp = tempfile.TemporaryDirectory(prefix="tathya-spark-")
    args.workdir = tmp.name
    args.tathya = os.path.abspath(args.tathya) if os.sep in args.tathya else args.tathya
    with open(args.input, encoding="utf-8") as f:
        lines = [x.rstrip("\r\n") for x in f if x.strip()]
    report, n_keys = (run_spark if args.engine == "spark" else run_local)(args, lines)
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{len(lines)} articles, {n_keys} story keys, {len(report['stories'])} stories, "
          f"{len(report['findings'])} findings", file=sys.stderr)


if __name__ == "__main__":
    main()
