# Warning and sanitizer flags shared by every Annals target.
add_library(annals_flags INTERFACE)
target_compile_options(annals_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
if(ANNALS_WERROR)
  target_compile_options(annals_flags INTERFACE -Werror)
endif()
if(ANNALS_SANITIZERS)
  target_compile_options(annals_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(annals_flags INTERFACE -fsanitize=address,undefined)
endif()
if(ANNALS_BUILD_FUZZERS)
  # Coverage instrumentation for libFuzzer in every library; the fuzz
  # targets add the fuzzer's main (fuzz/CMakeLists.txt).
  target_compile_options(annals_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
