"""Shared helpers of the summary tools: the BBC data, the Rust binaries, labels."""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("BBC_DATA", os.path.join(ROOT, "..", "shared", "data", "bbc_news_summary"))


def load(split):
    """The articles of one BBC split (train, validation or test)."""
    path = os.path.join(DATA, f"{split}.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def body(article):
    """The article without its title line (the text that is summarised and scored)."""
    return article.split("\n", 1)[1].lstrip() if "\n" in article else ""


def binary(name, features):
    """Builds a release binary of this crate and returns its path."""
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--features", features, "--bin", name],
        cwd=ROOT, check=True,
    )
    return os.path.join(ROOT, "target", "release", name)


def run_jsonl(exe, args, lines):
    """Feeds JSON lines to a binary and returns its parsed output lines."""
    out = subprocess.run(
        [exe, *args], input="\n".join(json.dumps(l) for l in lines) + "\n",
        capture_output=True, text=True, check=False,
    )
    if out.returncode != 0 and not out.stdout:
        sys.exit(f"{exe} failed: {out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def normalise(s):
    return " ".join(s.split())


def labels(sentences, summary):
    """1 for each sentence that the extractive reference summary contains."""
    ref = normalise(summary)
    return [int(normalise(s) in ref) for s in sentences]
