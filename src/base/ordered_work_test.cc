#include "base/ordered_work.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

namespace annals {
namespace {

struct Job {
  int index = 0;
  std::string out;
};

// Items that finish out of order (later ones faster) still arrive in order.
std::vector<std::string> RunJobs(int threads, int n, size_t window = 0) {
  std::vector<std::string> delivered;
  {
    OrderedWork<Job> work(
        threads,
        [](Job& j) {
          std::this_thread::sleep_for(std::chrono::microseconds((j.index * 7919) % 13 * 50));
          j.out = "item " + std::to_string(j.index * j.index);
        },
        [&](Job& j) { delivered.push_back(j.out); }, window);
    for (int i = 0; i < n; ++i) work.Push(Job{i, ""});
  }  // the destructor finishes
  return delivered;
}

TEST(OrderedWorkTest, DeliversInPushOrderWhateverTheThreads) {
  const std::vector<std::string> one = RunJobs(1, 200);
  ASSERT_EQ(one.size(), 200u);
  EXPECT_EQ(one[3], "item 9");
  for (int threads : {2, 3, 8}) EXPECT_EQ(RunJobs(threads, 200), one) << threads << " threads";
  EXPECT_EQ(RunJobs(3, 200, /*window=*/1), one);
}

TEST(OrderedWorkTest, HoldsAtMostTheWindow) {
  std::atomic<int> held{0};
  int most = 0;
  {
    OrderedWork<int> work(
        4, [&](int&) { std::this_thread::sleep_for(std::chrono::microseconds(100)); },
        [&](int&) { --held; }, /*window=*/6);
    for (int i = 0; i < 300; ++i) {
      ++held;
      work.Push(i);
      most = std::max(most, held.load());
    }
    work.Finish();
    EXPECT_EQ(held.load(), 0);
  }
  EXPECT_LE(most, 6);
}

TEST(OrderedWorkTest, OneThreadRunsOnTheCallersThread) {
  const std::thread::id me = std::this_thread::get_id();
  bool same = true;
  OrderedWork<int> work(1, [&](int&) { same = same && std::this_thread::get_id() == me; }, [](int&) {});
  EXPECT_EQ(work.threads(), 0);
  for (int i = 0; i < 10; ++i) work.Push(i);
  EXPECT_TRUE(same);
}

TEST(OrderedWorkTest, FinishWithNothingPushedAndTwice) {
  OrderedWork<int> work(3, [](int&) {}, [](int&) {});
  work.Finish();
  work.Finish();
  SUCCEED();
}

TEST(OrderedWorkTest, ResolveThreads) {
  EXPECT_EQ(ResolveThreads(3), 3);
  EXPECT_GE(ResolveThreads(0), 1);
}

}  // namespace
}  // namespace annals
