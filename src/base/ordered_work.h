// Parallel work over a stream of items, delivered in the order they came.
//
// The caller feeds items one at a time (Push); `work` runs on each item on
// one of `threads` worker threads; `deliver` then receives each finished
// item on the caller's own thread, in the order the items were pushed, so
// whatever `deliver` does (write a record, store a row, count) needs no lock
// and gives the same result whatever the number of threads. This is how
// every command that codes documents uses all cores while its output stays
// identical, byte for byte, to a one-thread run.
//
// Memory is bounded: at most `window` items (default 4 per thread) are held
// at once, pushed but not yet delivered; Push() blocks, delivering finished
// items, until there is room. With threads <= 1 no thread is started: Push()
// runs work and deliver at once on the caller's thread.
//
// Contract: `work` may run on several items at once (it must be safe to
// call concurrently on different items) and must not throw; `deliver` runs
// only inside Push(), Drain() and Finish(). Finish() (also called by the destructor)
// waits for every item and delivers it. An OrderedWork is used from one
// thread only; it is not copyable (it owns its threads).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace annals {

// The number of threads a `--threads N` option means: N itself when N > 0,
// else the number of cores (at least 1).
int ResolveThreads(int requested);

template <typename Item>
class OrderedWork {
 public:
  using Work = std::function<void(Item&)>;
  using Deliver = std::function<void(Item&)>;

  OrderedWork(int threads, Work work, Deliver deliver, size_t window = 0)
      : work_(std::move(work)), deliver_(std::move(deliver)) {
    const size_t n = threads > 1 ? static_cast<size_t>(threads) : 0;
    window_ = window > 0 ? window : 4 * (n > 0 ? n : 1);
    workers_.reserve(n);
    for (size_t t = 0; t < n; ++t) workers_.emplace_back([this] { WorkerLoop(); });
  }
  OrderedWork(const OrderedWork&) = delete;
  OrderedWork& operator=(const OrderedWork&) = delete;
  ~OrderedWork() { Finish(); }

  int threads() const { return static_cast<int>(workers_.size()); }

  void Push(Item item) {
    if (workers_.empty()) {
      work_(item);
      deliver_(item);
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      slots_.push_back(Slot{std::move(item), false});
    }
    work_ready_.notify_one();
    DeliverFinished(/*wait_for=*/window_ - 1);
  }

  // Waits for every item pushed so far and delivers it; more may be pushed.
  void Drain() { DeliverFinished(/*wait_for=*/0); }

  // Drain(), then stops the workers (a later Push runs on the caller's
  // thread).
  void Finish() {
    if (workers_.empty()) return;
    Drain();
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

 private:
  struct Slot {
    Item item;
    bool done = false;
  };

  // Delivers finished items from the front, in order; blocks while more
  // than `wait_for` items are held.
  void DeliverFinished(size_t wait_for) {
    std::unique_lock<std::mutex> lock(mu_);
    while (!slots_.empty()) {
      if (!slots_.front().done) {
        if (slots_.size() <= wait_for) return;
        item_done_.wait(lock, [this] { return slots_.front().done; });
      }
      // The front slot is finished and no worker touches it any more; the
      // deque keeps references to the other slots valid while it is popped.
      Item item = std::move(slots_.front().item);
      slots_.pop_front();
      --started_;
      lock.unlock();
      deliver_(item);
      lock.lock();
    }
  }

  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_ready_.wait(lock, [this] { return stop_ || started_ < slots_.size(); });
      if (started_ >= slots_.size()) return;  // stopping, nothing left
      Slot& slot = slots_[started_++];
      lock.unlock();
      work_(slot.item);
      lock.lock();
      slot.done = true;
      item_done_.notify_one();
    }
  }

  Work work_;
  Deliver deliver_;
  size_t window_ = 1;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_ready_;  // an item to start, or stop_
  std::condition_variable item_done_;   // some item finished
  std::deque<Slot> slots_;  // pushed, not yet delivered, in push order
  size_t started_ = 0;      // slots_[0, started_) were taken by a worker
  bool stop_ = false;
};

}  // namespace annals
