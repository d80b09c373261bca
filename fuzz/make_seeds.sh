#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/) from
# the shipped examples and data, so every seed is reproducible:
#   fuzz/make_seeds.sh [path/to/annals]     (default build/annals)
# The model seed is a tiny model trained on the tiny treebank seed.
set -euo pipefail
cd "$(dirname "$0")/.."
annals="${1:-build/annals}"
c=fuzz/corpus
rm -rf "$c"
mkdir -p "$c"/{text,jsonl,compressed,conllu,model,actors,patterns,word_list,filter}
banner() { printf '%s\n' "written by fuzz/make_seeds.sh from $1; do not edit"; }

cp examples/summit.txt "$c/text/summit.txt"
printf 'caf\xc3\xa9 \xff\xfe e\xcc\x81 \x00 U.S. officials said on Tue. 3 p.m. that Russia\xe2\x80\x99s troops left.\r\n\r\nNext.' \
  > "$c/text/mixed.txt"
head -c 1200 examples/news.jsonl > "$c/jsonl/news.jsonl"
printf '{"id":"a","text":"Iran \\ud800 met \\u00e9 Israel.","date":"2025-W50","extra":[[[{}]]]}\n[1]\n{"text":5}\n' \
  > "$c/jsonl/odd.jsonl"
{ printf '\x00'; gzip -9c examples/summit.txt; printf 'trailing'; } > "$c/compressed/summit.gz"
{ printf '\x01'; zstd -19 -q -c examples/summit.txt; } > "$c/compressed/summit.zst"
# The tiny treebank of src/syntax/syntax_model_test.cc.
{
  printf '# %s\n' "$(banner 'the tiny treebank of src/syntax/syntax_model_test.cc')"
  printf '1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\trebels\trebel\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n'
  printf '3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n'
  printf '5\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n'
  printf '1-2\tdon'"'"'t\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n'
  printf '2\tnot\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n'
  printf '3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_\n\n'
} > "$c/conllu/tiny.conllu"
"$annals" train syntax --train "$c/conllu/tiny.conllu" --dev "$c/conllu/tiny.conllu" --out "$c/model/tiny.model" \
  --tagger-epochs 1 --parser-epochs 1 --jackknife 0 2>/dev/null
{ printf '\x00'; head -c 1500 data/actors/countries.actors; } > "$c/actors/countries.actors"
{ printf '\x01'; head -c 800 data/actors/roles.tsv 2>/dev/null || true; } > "$c/actors/roles.tsv"
head -c 2000 data/patterns/conflict.patterns > "$c/patterns/conflict.patterns"
head -c 1500 data/lang/en/speech.tsv > "$c/word_list/speech.tsv"
printf '# list\tword\tvalue\nverb\tsay\t1\nnoun\tofficial\t\ntitle\tMr.\tx\n' > "$c/word_list/small.tsv"
printf '2025\n2025-12-31\nRussia\nUKR\nGOV\nRUS\nUkraine\n19\nASSAULT\nPutin\nKharkiv\nUKR\nattack* AND NOT "peace talks"\nasserted,reported\n' \
  > "$c/filter/full"
printf '2025-W50\n2025-13\n%%_\\\n\x1b[31m\n\n\n\n0\n\n\n%%\n\nNEAR(a b, -1) OR (\nall' > "$c/filter/odd"
echo "seeds: $(find "$c" -type f | wc -l) files, $(du -sh "$c" | cut -f1)"
