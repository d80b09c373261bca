// Arc-hybrid transitions, features, dynamic oracle and training (see
// parser.h).
#include "syntax/parser.h"

#include <algorithm>
#include <limits>
#include <random>

namespace annals::syntax {
namespace {

constexpr uint64_t kNone = 0x4e4f4e45ull;  // value read at an absent position
constexpr uint64_t kRoot = 0x524f4f54ull;  // value of the artificial root

// Parser configuration. Nodes are 0 (root) .. n; -1 means "no node".
struct State {
  int n = 0;
  std::vector<int> stack;
  int b = 1;  // buffer front; the buffer is b..n
  std::vector<int> head, label;
  std::vector<int> l1, l2, r1, r2;  // two leftmost / rightmost children
  std::vector<uint8_t> nl, nr;      // number of left / right children (capped)

  explicit State(int words) : n(words) {
    const size_t size = static_cast<size_t>(n) + 1;
    stack.reserve(size);
    stack.push_back(0);
    head.assign(size, -1);
    label.assign(size, -1);
    l1.assign(size, -1);
    l2.assign(size, -1);
    r1.assign(size, -1);
    r2.assign(size, -1);
    nl.assign(size, 0);
    nr.assign(size, 0);
  }
  bool Done() const { return b > n && stack.size() == 1; }
  int S(size_t i) const { return stack.size() > i ? stack[stack.size() - 1 - i] : -1; }
  int B(int i) const { return b + i <= n ? b + i : -1; }

  void Attach(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {
      if (l1[h] == -1 || d < l1[h]) {
        l2[h] = l1[h];
        l1[h] = d;
      } else if (l2[h] == -1 || d < l2[h]) {
        l2[h] = d;
      }
      if (nl[h] < 255) ++nl[h];
    } else {
      if (r1[h] == -1 || d > r1[h]) {
        r2[h] = r1[h];
        r1[h] = d;
      } else if (r2[h] == -1 || d > r2[h]) {
        r2[h] = d;
      }
      if (nr[h] < 255) ++nr[h];
    }
  }
};

// Action encoding: 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l.
struct Actions {
  int labels;
  int count() const { return 1 + 2 * labels; }
  bool IsLeft(int a) const { return a >= 1 && a <= labels; }
  int Label(int a) const { return IsLeft(a) ? a - 1 : a - 1 - labels; }
};

bool CanShift(const State& s) { return s.b <= s.n; }
bool CanLeft(const State& s) { return s.b <= s.n && s.S(0) > 0; }
bool CanRight(const State& s) { return s.stack.size() >= 2 && (s.S(1) != 0 || s.b > s.n); }

void Apply(State* s, const Actions& acts, int a) {
  if (a == 0) {
    s->stack.push_back(s->b++);
    return;
  }
  const int d = s->S(0);
  const int h = acts.IsLeft(a) ? s->b : s->S(1);
  s->stack.pop_back();
  s->Attach(h, d, acts.Label(a));
}

// Best legal action by score.
int BestLegal(const State& s, const Actions& acts, const float* scores) {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  if (CanShift(s)) {
    best = 0;
    best_score = scores[0];
  }
  const bool left = CanLeft(s), right = CanRight(s);
  for (int l = 0; l < acts.labels; ++l) {
    if (left && scores[1 + l] > best_score) {
      best = 1 + l;
      best_score = scores[1 + l];
    }
    if (right && scores[1 + acts.labels + l] > best_score) {
      best = 1 + acts.labels + l;
      best_score = scores[1 + acts.labels + l];
    }
  }
  return best;
}

enum ParserTemplate : uint64_t {
  kS0w = 1, kS0t, kS0wt, kS1w, kS1t, kS1wt, kB0w, kB0t, kB0wt, kB1w, kB1t, kB1wt, kB2t, kS2t,
  kB2w, kS0wtB0wt, kS0wtB0w, kS0wB0wt, kS0wtB0t, kS0tB0wt, kS0wB0w, kS0tB0t, kS1tS0t, kS1wS0w,
  kS1tS0w, kS1wS0t, kS1wtS0wt, kB0tB1t, kS0tB0tB1t, kS1tS0tB0t, kS0tB0tB0l1t, kS0tS0l1tB0t,
  kS0tS0r1tB0t, kS1tS1r1tS0t, kS2tS1tS0t, kB0tB1tB2t, kS1tS0tS0l1t, kS1tS0tS0r1t, kS0wDist,
  kS0tDist, kB0wDist, kB0tDist, kS0tB0tDist, kS0wNr, kS0tNr, kS0wNl, kS0tNl, kB0wNl, kB0tNl,
  kS0l1w, kS0l1t, kS0l1l, kS0r1w, kS0r1t, kS0r1l, kB0l1w, kB0l1t, kB0l1l, kS1r1t, kS1r1l,
  kS1l1t, kS1l1l, kS0l2t, kS0l2l, kS0r2t, kS0r2l, kB0l2t, kB0l2l, kS0tL1tL2t, kS0tR1tR2t,
  kB0tL1tL2t, kS0wS1tB0t, kS0tS1wB0t, kS0tS1tB0w, kS0tS0l1lS0r1l, kB0tB0l1lB0l2l, kS1tS1wB0t,
  kS2w, kS1tS0tDist, kB1wB0w,
};

size_t Features(const State& s, const std::vector<WordInfo>& words, const std::vector<int>& tags,
                uint64_t* out) {
  auto W = [&](int x) -> uint64_t {
    if (x < 0) return kNone;
    if (x == 0) return kRoot;
    return words[x - 1].norm;
  };
  auto T = [&](int x) -> uint64_t {
    if (x < 0) return 0;
    if (x == 0) return 1;
    return static_cast<uint64_t>(tags[x - 1]) + 2;
  };
  auto L = [&](int x) -> uint64_t { return x < 0 ? 0 : static_cast<uint64_t>(s.label[x] + 2); };
  auto child = [](const std::vector<int>& v, int x) { return x < 0 ? -1 : v[x]; };

  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
  const uint64_t b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2t = T(b2);
  const int s0l1 = child(s.l1, s0), s0l2 = child(s.l2, s0), s0r1 = child(s.r1, s0),
            s0r2 = child(s.r2, s0), b0l1 = child(s.l1, b0), b0l2 = child(s.l2, b0),
            s1r1 = child(s.r1, s1), s1l1 = child(s.l1, s1);
  uint64_t dist = 0;
  if (s0 > 0 && b0 > 0) {
    const int d = b0 - s0;
    dist = d < 5 ? static_cast<uint64_t>(d) : d < 10 ? 5 : 6;
  }
  const uint64_t s0nl = s0 < 0 ? 0 : s.nl[s0], s0nr = s0 < 0 ? 0 : s.nr[s0];
  const uint64_t b0nl = b0 < 0 ? 0 : s.nl[b0];

  size_t k = 0;
  out[k++] = FeatureKey(kS0w, s0w);
  out[k++] = FeatureKey(kS0t, s0t);
  out[k++] = FeatureKey(kS0wt, s0w, s0t);
  out[k++] = FeatureKey(kS1w, s1w);
  out[k++] = FeatureKey(kS1t, s1t);
  out[k++] = FeatureKey(kS1wt, s1w, s1t);
  out[k++] = FeatureKey(kB0w, b0w);
  out[k++] = FeatureKey(kB0t, b0t);
  out[k++] = FeatureKey(kB0wt, b0w, b0t);
  out[k++] = FeatureKey(kB1w, b1w);
  out[k++] = FeatureKey(kB1t, b1t);
  out[k++] = FeatureKey(kB1wt, b1w, b1t);
  out[k++] = FeatureKey(kB2t, b2t);
  out[k++] = FeatureKey(kB2w, W(b2));
  out[k++] = FeatureKey(kS2t, s2t);
  out[k++] = FeatureKey(kS2w, W(s2));
  out[k++] = FeatureKey(kS0wtB0wt, Mix(s0w, s0t), b0w, b0t);
  out[k++] = FeatureKey(kS0wtB0w, s0w, s0t, b0w);
  out[k++] = FeatureKey(kS0wB0wt, s0w, b0w, b0t);
  out[k++] = FeatureKey(kS0wtB0t, s0w, s0t, b0t);
  out[k++] = FeatureKey(kS0tB0wt, s0t, b0w, b0t);
  out[k++] = FeatureKey(kS0wB0w, s0w, b0w);
  out[k++] = FeatureKey(kS0tB0t, s0t, b0t);
  out[k++] = FeatureKey(kS1tS0t, s1t, s0t);
  out[k++] = FeatureKey(kS1wS0w, s1w, s0w);
  out[k++] = FeatureKey(kS1tS0w, s1t, s0w);
  out[k++] = FeatureKey(kS1wS0t, s1w, s0t);
  out[k++] = FeatureKey(kS1wtS0wt, Mix(s1w, s1t), s0w, s0t);
  out[k++] = FeatureKey(kB0tB1t, b0t, b1t);
  out[k++] = FeatureKey(kB1wB0w, b0w, b1w);
  out[k++] = FeatureKey(kS0tB0tB1t, s0t, b0t, b1t);
  out[k++] = FeatureKey(kS1tS0tB0t, s1t, s0t, b0t);
  out[k++] = FeatureKey(kS0tB0tB0l1t, s0t, b0t, T(b0l1));
  out[k++] = FeatureKey(kS0tS0l1tB0t, s0t, T(s0l1), b0t);
  out[k++] = FeatureKey(kS0tS0r1tB0t, s0t, T(s0r1), b0t);
  out[k++] = FeatureKey(kS1tS1r1tS0t, s1t, T(s1r1), s0t);
  out[k++] = FeatureKey(kS2tS1tS0t, s2t, s1t, s0t);
  out[k++] = FeatureKey(kB0tB1tB2t, b0t, b1t, b2t);
  out[k++] = FeatureKey(kS1tS0tS0l1t, s1t, s0t, T(s0l1));
  out[k++] = FeatureKey(kS1tS0tS0r1t, s1t, s0t, T(s0r1));
  out[k++] = FeatureKey(kS0wDist, s0w, dist);
  out[k++] = FeatureKey(kS0tDist, s0t, dist);
  out[k++] = FeatureKey(kB0wDist, b0w, dist);
  out[k++] = FeatureKey(kB0tDist, b0t, dist);
  out[k++] = FeatureKey(kS0tB0tDist, s0t, b0t, dist);
  out[k++] = FeatureKey(kS1tS0tDist, s1t, s0t, s0 > 0 && s1 > 0 ? std::min(s0 - s1, 6) : 0);
  out[k++] = FeatureKey(kS0wNr, s0w, s0nr);
  out[k++] = FeatureKey(kS0tNr, s0t, s0nr);
  out[k++] = FeatureKey(kS0wNl, s0w, s0nl);
  out[k++] = FeatureKey(kS0tNl, s0t, s0nl);
  out[k++] = FeatureKey(kB0wNl, b0w, b0nl);
  out[k++] = FeatureKey(kB0tNl, b0t, b0nl);
  out[k++] = FeatureKey(kS0l1w, W(s0l1));
  out[k++] = FeatureKey(kS0l1t, T(s0l1));
  out[k++] = FeatureKey(kS0l1l, L(s0l1));
  out[k++] = FeatureKey(kS0r1w, W(s0r1));
  out[k++] = FeatureKey(kS0r1t, T(s0r1));
  out[k++] = FeatureKey(kS0r1l, L(s0r1));
  out[k++] = FeatureKey(kB0l1w, W(b0l1));
  out[k++] = FeatureKey(kB0l1t, T(b0l1));
  out[k++] = FeatureKey(kB0l1l, L(b0l1));
  out[k++] = FeatureKey(kS1r1t, T(s1r1));
  out[k++] = FeatureKey(kS1r1l, L(s1r1));
  out[k++] = FeatureKey(kS1l1t, T(s1l1));
  out[k++] = FeatureKey(kS1l1l, L(s1l1));
  out[k++] = FeatureKey(kS0l2t, T(s0l2));
  out[k++] = FeatureKey(kS0l2l, L(s0l2));
  out[k++] = FeatureKey(kS0r2t, T(s0r2));
  out[k++] = FeatureKey(kS0r2l, L(s0r2));
  out[k++] = FeatureKey(kB0l2t, T(b0l2));
  out[k++] = FeatureKey(kB0l2l, L(b0l2));
  out[k++] = FeatureKey(kS0tL1tL2t, s0t, T(s0l1), T(s0l2));
  out[k++] = FeatureKey(kS0tR1tR2t, s0t, T(s0r1), T(s0r2));
  out[k++] = FeatureKey(kB0tL1tL2t, b0t, T(b0l1), T(b0l2));
  out[k++] = FeatureKey(kS0wS1tB0t, s0w, s1t, b0t);
  out[k++] = FeatureKey(kS0tS1wB0t, s0t, s1w, b0t);
  out[k++] = FeatureKey(kS0tS1tB0w, s0t, s1t, b0w);
  out[k++] = FeatureKey(kS0tS0l1lS0r1l, s0t, L(s0l1), L(s0r1));
  out[k++] = FeatureKey(kB0tB0l1lB0l2l, b0t, L(b0l1), L(b0l2));
  out[k++] = FeatureKey(kS1tS1wB0t, s1t, s1w, b0t);
  return k;
}

// Dynamic-oracle costs of the legal actions (Goldberg & Nivre 2013, arc-
// hybrid): the number of gold arcs an action makes unreachable. Illegal
// actions get a cost of INT_MAX.
void Costs(const State& s, const Actions& acts, const std::vector<int>& gold_head,
           const std::vector<int>& gold_label, std::vector<int>* costs) {
  costs->assign(static_cast<size_t>(acts.count()), std::numeric_limits<int>::max());
  const int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0);
  auto in_buffer = [&](int x) { return x >= s.b && x <= s.n; };
  // Gold dependents of s0 still in the buffer.
  int s0_deps_in_buffer = 0;
  if (s0 >= 0) {
    for (int k = s.b; k <= s.n; ++k) s0_deps_in_buffer += gold_head[k] == s0;
  }
  if (CanShift(s)) {
    int c = 0;
    for (int k : s.stack) {
      if (k != s0 && gold_head[b0] == k) ++c;
      if (gold_head[k] == b0) ++c;
    }
    (*costs)[0] = c;
  }
  if (CanLeft(s)) {
    const int g = gold_head[s0];
    const int base = ((g == s1) || (in_buffer(g) && g != b0) ? 1 : 0) + s0_deps_in_buffer;
    for (int l = 0; l < acts.labels; ++l) {
      (*costs)[1 + l] = base + (g == b0 && l != gold_label[s0] ? 1 : 0);
    }
  }
  if (CanRight(s)) {
    const int g = gold_head[s0];
    const int base = (in_buffer(g) ? 1 : 0) + s0_deps_in_buffer;
    for (int l = 0; l < acts.labels; ++l) {
      (*costs)[1 + acts.labels + l] = base + (g == s1 && l != gold_label[s0] ? 1 : 0);
    }
  }
}

}  // namespace

int Projectivize(std::vector<int>* heads) {
  const int n = static_cast<int>(heads->size());
  std::vector<int>& h = *heads;  // h[i] is the head of word i + 1
  auto head_of = [&](int node) { return h[node - 1]; };
  // Is `anc` an ancestor of `node` (nodes 1..n, root 0)? Walk at most n steps
  // so a malformed (cyclic) input cannot loop forever.
  auto dominates = [&](int anc, int node) {
    for (int steps = 0; node != 0 && steps <= n; ++steps) {
      node = head_of(node);
      if (node == anc) return true;
    }
    return anc == 0;
  };
  int lifted = 0;
  for (int round = 0; round < n * n + 1; ++round) {
    int best = -1, best_len = n + 1;
    for (int d = 1; d <= n; ++d) {
      const int hd = head_of(d);
      const int lo = std::min(hd, d), hi = std::max(hd, d);
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominates(hd, k)) {
          if (hi - lo < best_len) {
            best_len = hi - lo;
            best = d;
          }
          break;
        }
      }
    }
    if (best < 0) break;
    const int hd = head_of(best);
    if (hd == 0) break;  // cannot lift past the root
    h[best - 1] = head_of(hd);
    ++lifted;
  }
  return lifted;
}

int Parser::FindLabel(const std::string& label) const {
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (labels_[i] == label) return static_cast<int>(i);
  }
  return -1;
}

void Parser::Parse(const std::vector<WordInfo>& words, const std::vector<int>& tags,
                   std::vector<int>* heads, std::vector<int>* labels) const {
  const int n = static_cast<int>(words.size());
  const Actions acts{static_cast<int>(labels_.size())};
  State s(n);
  std::vector<float> scores(static_cast<size_t>(acts.count()));
  uint64_t feats[kMaxFeatures];
  while (!s.Done()) {
    const size_t nf = Features(s, words, tags, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.Score(feats, nf, scores.data());
    Apply(&s, acts, BestLegal(s, acts, scores.data()));
  }
  heads->assign(s.head.begin() + 1, s.head.end());
  labels->assign(s.label.begin() + 1, s.label.end());
}

Parser Parser::Train(const std::vector<std::string>& labels,
                     const std::vector<ParserSentence>& train,
                     const std::vector<ParserSentence>& dev, const TrainOptions& options) {
  const Actions acts{static_cast<int>(labels.size())};
  PerceptronTrainer trainer(acts.count());
  // Projectivised gold, 0-based node arrays with a slot for the root.
  std::vector<std::vector<int>> gold_heads(train.size()), gold_labels(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    std::vector<int> h = train[i].heads;
    Projectivize(&h);
    gold_heads[i].assign(1, -1);
    gold_heads[i].insert(gold_heads[i].end(), h.begin(), h.end());
    gold_labels[i].assign(1, -1);
    gold_labels[i].insert(gold_labels[i].end(), train[i].labels.begin(), train[i].labels.end());
  }
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<float> scores(static_cast<size_t>(acts.count()));
  std::vector<int> costs;
  uint64_t feats[kMaxFeatures];

  Parser best;
  double best_las = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t si : ShuffledOrder(train.size(), options.seed + static_cast<uint32_t>(epoch))) {
      const ParserSentence& sent = train[si];
      State s(static_cast<int>(sent.words.size()));
      while (!s.Done()) {
        const size_t nf = Features(s, sent.words, sent.tags, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(feats, nf, scores.data());
        Costs(s, acts, gold_heads[si], gold_labels[si], &costs);
        const int guess = BestLegal(s, acts, scores.data());
        int min_cost = std::numeric_limits<int>::max();
        for (int c : costs) min_cost = std::min(min_cost, c);
        int truth = -1;
        float truth_score = -std::numeric_limits<float>::infinity();
        for (int a = 0; a < acts.count(); ++a) {
          if (costs[a] == min_cost && (truth < 0 || scores[a] > truth_score)) {
            truth = a;
            truth_score = scores[a];
          }
        }
        if (costs[guess] > min_cost) trainer.Update(feats, nf, truth, guess);
        trainer.Tick();
        const bool follow_guess = epoch > 1 && coin(rng) < options.explore;
        Apply(&s, acts, follow_guess ? guess : truth);
      }
    }
    Parser current;
    current.model_ = trainer.Average(options.prune);
    current.labels_ = labels;
    size_t total = 0, uas = 0, las = 0;
    std::vector<int> heads, out_labels;
    for (const ParserSentence& d : dev) {
      current.Parse(d.words, d.tags, &heads, &out_labels);
      for (size_t i = 0; i < heads.size(); ++i) {
        ++total;
        if (heads[i] == d.heads[i]) {
          ++uas;
          if (out_labels[i] == d.labels[i]) ++las;
        }
      }
    }
    const double u = total ? 100.0 * static_cast<double>(uas) / static_cast<double>(total) : 0;
    const double l = total ? 100.0 * static_cast<double>(las) / static_cast<double>(total) : 0;
    if (options.on_epoch) options.on_epoch(epoch, u, l);
    if (l > best_las) {
      best_las = l;
      best = std::move(current);
      since_best = 0;
    } else if (++since_best >= options.patience) {
      break;
    }
  }
  return best;
}

void Parser::Write(ByteWriter* out) const {
  out->StrVec(labels_);
  model_.Write(out);
}

bool Parser::Read(ByteReader* in, std::string* error) {
  if (!in->StrVec(&labels_) || labels_.empty()) {
    *error = "bad label set";
    return false;
  }
  if (!model_.Read(in, error)) return false;
  if (model_.classes() != 1 + 2 * static_cast<int>(labels_.size())) {
    *error = "parser classes do not match its label set";
    return false;
  }
  return true;
}

}  // namespace annals::syntax
