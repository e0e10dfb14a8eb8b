#!/usr/bin/python3
"""Write tests/fixtures/numpy_random.txt: numbers numpy's legacy generator gives.

tests/common/test_random.cpp replays every record of the file with dlc::RandomState and
compares the results with ==, so the C++ test needs no Python. Regenerate the file (it is
committed) with Debian's numpy:

    /usr/bin/python3 tools/gen_random_fixture.py            # writes the fixture in place
    /usr/bin/python3 tools/gen_random_fixture.py -o FILE    # writes it elsewhere

The format is described in HEADER below and written at the top of the file itself.
"""

import argparse
import os
import sys

import numpy as np

HEADER = """\
# numpy_random.txt: what numpy's legacy generator (np.random.seed, np.random.randn, ...) gives,
# replayed by tests/common/test_random.cpp against dlc::RandomState and compared with ==.
# Written by tools/gen_random_fixture.py with numpy {version}; do not edit by hand.
#
# One record per line; lines starting with '#' and blank lines are ignored. A record is an
# operation, its integer (or, for bernoulli, real) arguments, then ':' and the values numpy
# returned, all separated by single spaces. Arrays are listed in numpy's C (row-major) order.
# Doubles are Python's repr() (the shortest string that reads back to the same double).
# The records after a 'seed' line run, in order, on the one generator that line seeded.
#
#   seed S                      np.random.seed(S)
#   randn R C : v...            np.random.randn(R, C)
#   rand R C : v...             np.random.rand(R, C)
#   standard_normal : v         np.random.standard_normal()
#   random_sample : v           np.random.random_sample()
#   uint32 N : v...             np.random.randint(0, 2**32, size=N, dtype=np.uint64), which is
#                               N raw 32-bit MT19937 draws
#   randint LOW HIGH : v        np.random.randint(LOW, HIGH)
#   randint LOW HIGH N : v...   np.random.randint(LOW, HIGH, size=N)
#   permutation N : v...        np.random.permutation(N)
#   bernoulli R C P : v...      (np.random.rand(R, C) < P), each entry 1 or 0
#   shuffle_columns R C : v...  X = np.arange(R * C).reshape(R, C); np.random.shuffle(X.T); X
"""

SEEDS = [0, 1, 2, 3, 42, 2**32 - 1]


def fmt_double(x):
    return repr(float(x))


def fmt_int(x):
    return str(int(x))


class Writer:
    def __init__(self, out):
        self.out = out

    def record(self, op, args, values, fmt):
        head = " ".join([op] + [str(a) for a in args])
        self.out.write(head + " : " + " ".join(fmt(v) for v in values) + "\n")

    def seed(self, s, why):
        self.out.write("\n# " + why + "\n")
        self.out.write("seed %d\n" % s)
        np.random.seed(s)

    def randn(self, r, c):
        self.record("randn", [r, c], np.random.randn(r, c).ravel(order="C"), fmt_double)

    def rand(self, r, c):
        self.record("rand", [r, c], np.random.rand(r, c).ravel(order="C"), fmt_double)

    def standard_normal(self):
        self.record("standard_normal", [], [np.random.standard_normal()], fmt_double)

    def random_sample(self):
        self.record("random_sample", [], [np.random.random_sample()], fmt_double)

    def uint32(self, n):
        v = np.random.randint(0, 2**32, size=n, dtype=np.uint64)
        self.record("uint32", [n], v, fmt_int)

    def randint(self, low, high, n=None):
        if n is None:
            self.record("randint", [low, high], [np.random.randint(low, high)], fmt_int)
        else:
            v = np.random.randint(low, high, size=n)
            assert v.dtype == np.int64
            self.record("randint", [low, high, n], v, fmt_int)

    def permutation(self, n):
        self.record("permutation", [n], np.random.permutation(n), fmt_int)

    def bernoulli(self, r, c, p):
        mask = (np.random.rand(r, c) < p).ravel(order="C")
        self.out.write("bernoulli %d %d %s : %s\n"
                       % (r, c, repr(float(p)), " ".join("1" if m else "0" for m in mask)))

    def shuffle_columns(self, r, c):
        X = np.arange(r * c).reshape(r, c)
        np.random.shuffle(X.T)
        self.record("shuffle_columns", [r, c], X.ravel(order="C"), fmt_int)


def write_fixture(out):
    out.write(HEADER.format(version=np.__version__))
    w = Writer(out)
    for s in SEEDS:
        out.write("\n# ---------------------------------------- seed %d\n" % s)
        w.seed(s, "the raw 32-bit draws every other draw is made of")
        w.uint32(8)

        w.seed(s, "randn(2, 3), as the course's first initializations; then an odd count, "
                  "which leaves a normal value cached for the next call")
        w.randn(2, 3)
        w.randn(3, 3)
        w.randn(1, 5)
        w.randn(1, 1)

        w.seed(s, "many normal draws (the rejection loop of the polar method runs often); "
                  "the previous block left a value cached, which seed must have forgotten")
        w.randn(20, 30)
        w.randn(7, 1)

        w.seed(s, "uniform draws")
        w.rand(2, 3)
        w.rand(10, 50)
        w.random_sample()

        w.seed(s, "mixed: the cached normal value survives calls of rand in between")
        w.randn(1, 3)
        w.rand(2, 2)
        w.randn(3, 1)
        w.standard_normal()
        w.random_sample()
        w.standard_normal()
        w.standard_normal()
        w.rand(1, 3)
        w.randn(2, 2)

        w.seed(s, "permutations, as the course's mini-batch shuffles")
        w.permutation(10)
        w.permutation(1000)
        w.permutation(1)
        w.permutation(0)
        w.shuffle_columns(3, 7)
        w.rand(1, 2)

        w.seed(s, "bounded integers: small ranges, a range of one value (nothing drawn), "
                  "2**32 values (raw draws), above 2**32 (64-bit draws), the whole int64 range")
        w.randint(0, 10)
        w.randint(0, 10, 20)
        w.randint(-5, 5, 20)
        w.randint(5, 6, 5)
        w.randint(0, 1000, 30)
        w.randint(0, 2**32, 10)
        w.randint(0, 2**32 + 1, 10)
        w.randint(-2**40, 2**40, 10)
        w.randint(0, 3 * 2**60, 10)
        w.randint(-2**63, 2**63 - 1, 10)
        w.randint(3, 7)
        w.rand(1, 2)

        w.seed(s, "dropout masks, (np.random.rand(r, c) < keep_prob)")
        w.bernoulli(4, 5, 0.8)
        w.bernoulli(3, 10, 0.5)
        w.bernoulli(2, 3, 0.0)
        w.bernoulli(2, 3, 1.0)
        w.bernoulli(5, 8, 0.86)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "tests", "fixtures", "numpy_random.txt")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=default, help="file to write")
    args = parser.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", newline="\n") as out:
        write_fixture(out)
    print("wrote", os.path.normpath(args.output), file=sys.stderr)


if __name__ == "__main__":
    main()
