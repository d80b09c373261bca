# annals_stage(NAME SOURCES ... DEPS ...): one pipeline stage as a static
# library annals_NAME, with the public headers in include/ and its private
# headers beside its sources.
function(annals_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(annals_${name} STATIC ${ARG_SOURCES})
  target_include_directories(annals_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(annals_${name} PUBLIC annals_flags ${ARG_DEPS})
endfunction()

# annals_tests(NAME SOURCES ... DEPS ...): a GoogleTest binary annals_NAME_test
# registered with ctest. Tests run from the source root so they can read
# data/ and tests/ with relative paths.
function(annals_tests name)
  if(NOT ANNALS_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(annals_${name}_test ${ARG_SOURCES})
  target_link_libraries(annals_${name}_test PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  add_test(NAME ${name} COMMAND annals_${name}_test WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "ANNALS_DATA=${PROJECT_SOURCE_DIR}/data"
    LABELS "${ARG_LABELS}")
endfunction()
