"""Writes, for every code point assigned in Python's Unicode database (categories Cn, Cs, Co skipped),
the ids OpenAI CLIP's simple_tokenizer gives for "a{c}b {c} 's{c}" as 'HEX<TAB>ids' lines. The Java
ClipTokenizerSweepTest compares against this file when run with -Dclip.sweep=<file>.

Usage: python clip_tokenizer_sweep.py <dir with simple_tokenizer.py and bpe.txt.gz> <out.tsv>
"""
import sys
import unicodedata

sys.path.insert(0, sys.argv[1])
import simple_tokenizer  # noqa: E402

t = simple_tokenizer.SimpleTokenizer(sys.argv[1] + "/bpe.txt.gz")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for c in range(0x110000):
        if unicodedata.category(chr(c)) in ("Cn", "Cs", "Co"):
            continue
        ch = chr(c)
        f.write("%X\t%s\n" % (c, " ".join(map(str, t.encode("a" + ch + "b " + ch + " 's" + ch)))))
