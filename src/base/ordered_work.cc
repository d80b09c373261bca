// ResolveThreads (see ordered_work.h).
#include "base/ordered_work.h"

namespace annals {

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

}  // namespace annals
