# kep_add_bench(NAME bench_x SOURCES ... LIBS ...)
# A benchmark executable for tests/bench/run: built into <build>/bin/bench, it follows the
# protocol of tests/bench/README.md (--smoke, --quick, ROW lines). No Qt unless LIBS names it.
function(kep_add_bench)
  cmake_parse_arguments(B "" "NAME" "SOURCES;LIBS" ${ARGN})
  if(NOT B_NAME MATCHES "^bench_")
    message(FATAL_ERROR "kep_add_bench: NAME must start with bench_ (got '${B_NAME}')")
  endif()
  if(NOT B_SOURCES)
    message(FATAL_ERROR "kep_add_bench(${B_NAME}): SOURCES is required")
  endif()
  add_executable(${B_NAME} ${B_SOURCES})
  target_link_libraries(${B_NAME} PRIVATE kep_compiler_options ${B_LIBS})
  # BenchProtocol.h: the mode and ROW printing every benchmark shares.
  target_include_directories(${B_NAME} PRIVATE "${PROJECT_SOURCE_DIR}/tests/bench")
  set_target_properties(${B_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin/bench")
  set_property(GLOBAL APPEND PROPERTY KEP_BENCHES ${B_NAME})
endfunction()

# The runner compares what it finds in bin/bench with this list, so that a benchmark that was
# declared but not built shows as missing instead of silently dropping its rows.
function(_kep_write_bench_manifest)
  get_property(_benches GLOBAL PROPERTY KEP_BENCHES)
  list(SORT _benches)
  list(JOIN _benches "\n" _text)
  file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/bin/bench/benches.txt" CONTENT "${_text}\n")
endfunction()
cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL _kep_write_bench_manifest)
