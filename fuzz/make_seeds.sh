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
mkdir -p "$c"/{text,jsonl,compressed,conllu,model,actors,patterns,word_list,filter,http}
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
# HTTP requests as a client sends them (fuzz_http): the page's first screen,
# every read endpoint with filters, bad parameters, writes without a token,
# a chunked body, a cut-off body and a request smuggling attempt.
http() { printf "$2" > "$c/http/$1"; }
http meta 'GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
http events 'GET /api/events?limit=10&offset=1&sort=-date&actor=Russia&cameo=19&from=2025&to=2025-12-31&modality=all HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n'
http event 'GET /api/events/0123456789abcdef HTTP/1.1\r\nHost: x\r\n\r\n'
http series 'GET /api/series?by=month&source=RUS&target=UKR&undirected=1 HTTP/1.1\r\nHost: x\r\n\r\n'
http dyads 'GET /api/dyads?top=5&quad_class=4&plover=ASSAULT HTTP/1.1\r\nHost: x\r\n\r\n'
http timeline 'GET /api/timeline?by=week&place=Kharkiv&country=UKR HTTP/1.1\r\nHost: x\r\n\r\n'
http network 'GET /api/network?limit=50&actor_country=RUS HTTP/1.1\r\nHost: x\r\n\r\n'
http places 'GET /api/places?text=attack%%2A%%20AND%%20NOT%%20peace HTTP/1.1\r\nHost: x\r\n\r\n'
http distribution 'GET /api/distribution?fold=0&speaker=Putin HTTP/1.1\r\nHost: x\r\n\r\n'
http actors 'GET /api/actors?q=Rus%%25_&limit=5 HTTP/1.1\r\nHost: x\r\n\r\n'
http quotes 'GET /api/quotes?speaker=IRN HTTP/1.1\r\nHost: x\r\n\r\n'
http documents 'GET /api/documents/d1 HTTP/1.1\r\nHost: x\r\n\r\n'
http export 'GET /api/export?format=csv&doc=d1 HTTP/1.1\r\nHost: x\r\n\r\n'
http bad_param 'GET /api/events?limit=-1&colour=red&from=2025-13 HTTP/1.1\r\nHost: x\r\n\r\n'
http post 'POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: 44\r\n\r\n{"id":"n","date":"2025-01-02","text":"Hi."}\n'
http chunked 'POST /api/documents HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n0\r\n\r\n'
http delete 'DELETE /api/documents/d2 HTTP/1.1\r\nHost: x\r\n\r\n'
http cut 'POST /api/documents HTTP/1.1\r\nContent-Length: 99\r\n\r\nab'
http smuggle 'GET /api/count HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nRange: bytes=0-1,5-\r\n\r\n0\r\n\r\nGET /api/meta HTTP/1.1\r\n\r\n'
http page 'GET /index.html?%%ZZ&a=%%00 HTTP/1.0\r\n\r\n'
echo "seeds: $(find "$c" -type f | wc -l) files, $(du -sh "$c" | cut -f1)"
