# annals_include_root(NAME): a folder holding only src/NAME (as a link named
# NAME), so that "NAME/x.h" resolves from it and nothing else does. Each stage
# exports its own root, and a target sees only the roots of the stages it
# links: an include of a later stage's header fails to compile.
function(annals_include_root name out_var)
  set(root ${PROJECT_BINARY_DIR}/include_roots/${name})
  if(NOT EXISTS ${root}/${name})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${name} ${root}/${name} SYMBOLIC)
  endif()
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()

# annals_stage(NAME SOURCES ... DEPS ...): one pipeline stage as a static
# library annals_NAME, with the public headers in include/ and its private
# headers beside its sources, reachable as "NAME/x.h" only by the targets that
# link annals_NAME (directly or through a later stage).
function(annals_stage name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(annals_${name} STATIC ${ARG_SOURCES})
  annals_include_root(${name} root)
  target_include_directories(annals_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include ${root})
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
  # Tests of the stages that load the gazetteer read its precomputed form.
  if(TARGET annals_gazetteer_bin)
    add_dependencies(annals_${name}_test annals_gazetteer_bin)
  endif()
  add_test(NAME ${name} COMMAND annals_${name}_test WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "ANNALS_DATA=${PROJECT_SOURCE_DIR}/data"
    LABELS "${ARG_LABELS}")
endfunction()
