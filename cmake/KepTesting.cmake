# kep_add_test(NAME tst_x SOURCES ... LIBS ... LABELS unit|integration|gui|slow [TIMEOUT s])
# One executable per test class (Qt Test), linked only against what it needs.
function(kep_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test kep_compiler_options ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    KEP_SOURCE_DIR="${PROJECT_SOURCE_DIR}" KEP_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set(_env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" ${T_ENV})
  if(KEP_SANITIZE)
    list(APPEND _env "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
                     "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
                       ENVIRONMENT "${_env}")
endfunction()
