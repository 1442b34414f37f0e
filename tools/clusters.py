#!/usr/bin/env python3
"""Word clusters from GloVe 6B 50d for the NER tagger's cluster features.

Reads glove.6B.50d.txt shipped inside the `tagnews==1.5.0` wheel (GloVe is PDDL,
public domain), keeps the top N words (file order = frequency order), L2-normalises
the vectors and runs k-means for each k (default 256 and 1024). Writes
    word<TAB>c256<TAB>c1024
in GloVe frequency order, after one '#' header line.

Cluster ids are renumbered by first appearance in frequency order (the cluster of
"the" is 0, the next new cluster is 1, ...), so ids do not depend on sklearn's
internal centroid order. Output is deterministic for a fixed seed and thread count.

Usage (from the repo root):
    $(tools/venv.sh) tools/clusters.py                      # -> data-cache/clusters.tsv
    $(tools/venv.sh) tools/clusters.py --top 20000 --out /tmp/a.tsv   # quick subset run
"""
import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.cluster import KMeans

ROOT = Path(__file__).resolve().parent.parent


def glove_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("tagnews")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("tagnews not installed; run tools/venv.sh")
    p = Path(list(spec.submodule_search_locations)[0]) / "data" / "glove.6B.50d.txt"
    if not p.exists():
        sys.exit(f"missing {p}")
    return p


def load(path: Path, top: int, center: bool = False):
    words, rows = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(words) >= top:
                break
            parts = line.rstrip("\n").split(" ")
            words.append(parts[0])
            rows.append(np.asarray(parts[1:], dtype=np.float32))
    X = np.vstack(rows)
    if center:  # remove the shared (frequency-related) direction before normalising
        X -= X.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    X /= np.maximum(norms, 1e-12)
    return words, X


def renumber(labels: np.ndarray) -> np.ndarray:
    """Relabel clusters by first occurrence in frequency order."""
    mapping = {}
    out = np.empty_like(labels)
    for i, c in enumerate(labels):
        if c not in mapping:
            mapping[c] = len(mapping)
        out[i] = mapping[c]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=200_000)
    ap.add_argument("--ks", default="256,1024")
    ap.add_argument("--n-init", type=int, default=1)
    ap.add_argument("--max-iter", type=int, default=100)
    ap.add_argument("--center", action="store_true",
                    help="subtract the mean vector before L2-normalising")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=str(ROOT / "data-cache" / "clusters.tsv"))
    ap.add_argument("--show", default="champagne,minsk,vilnius,paris,monday,friday,belarus,lithuania,"
                    "john,svetlana,microsoft,january,obama,said")
    args = ap.parse_args()
    ks = [int(k) for k in args.ks.split(",")]

    t0 = time.time()
    src = glove_path()
    words, X = load(src, args.top, args.center)
    print(f"loaded {len(words)} x {X.shape[1]} from {src} in {time.time() - t0:.1f}s", flush=True)

    labels = {}
    for k in ks:
        t = time.time()
        km = KMeans(n_clusters=k, init="k-means++", n_init=args.n_init, max_iter=args.max_iter,
                    algorithm="lloyd", random_state=args.seed)
        lab = km.fit_predict(X)
        labels[k] = renumber(lab)
        sizes = np.bincount(lab, minlength=k)
        print(f"k={k}: {time.time() - t:.1f}s, n_iter={km.n_iter_}, inertia={km.inertia_:.1f}, "
              f"sizes min/median/max={sizes.min()}/{int(np.median(sizes))}/{sizes.max()}", flush=True)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# word\t" + "\t".join(f"c{k}" for k in ks) +
              f"\t| source=GloVe 6B 50d (glove.6B.50d.txt from PyPI tagnews==1.5.0; PDDL 1.0, "
              f"Pennington, Socher & Manning 2014) top={len(words)} "
              f"{'mean-centred then ' if args.center else ''}l2-normalised; "
              f"sklearn {sklearn.__version__} KMeans(lloyd, k-means++, n_init={args.n_init}, "
              f"max_iter={args.max_iter}, random_state={args.seed}); ids renumbered by first "
              f"appearance in frequency order\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write(header)
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(labels[k][i]) for k in ks) + "\n")
    print(f"wrote {out} ({out.stat().st_size} bytes); total {time.time() - t0:.1f}s", flush=True)

    idx = {w: i for i, w in enumerate(words)}
    for w in [s for s in args.show.split(",") if s]:
        if w not in idx:
            print(f"  {w}: not in top {len(words)}")
            continue
        i = idx[w]
        parts = []
        for k in ks:
            same = [words[j] for j in np.flatnonzero(labels[k] == labels[k][i])[:12]]
            parts.append(f"c{k}={labels[k][i]} [{' '.join(same)}]")
        print(f"  {w}: " + "  ".join(parts))


if __name__ == "__main__":
    main()
