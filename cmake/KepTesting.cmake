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
  # KEP_TEST_LOG_DIR: where tests/support/ServerProcess copies each server's log, for the log
  # scan (tests/tools/logscan, `ctest -C logscan -L logscan` after the run).
  set(_env "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8"
      "KEP_TEST_LOG_DIR=${PROJECT_BINARY_DIR}/test-logs" ${T_ENV})
  if(KEP_SANITIZE)
    list(APPEND _env "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1"
                     "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
                       ENVIRONMENT "${_env}")
endfunction()

# kep_require_postgres(tst_x): the test runs against a throw-away PostgreSQL cluster that ctest
# starts before the first such test and stops after the last (scripts/pg-cluster), and finds
# its connection string in the file named by KEP_TEST_PG_DSN_FILE. The cluster lives under /tmp,
# where the postgres user can reach it, in a folder named after this build.
function(kep_require_postgres test_name)
  string(MD5 _build_hash "${PROJECT_BINARY_DIR}")
  string(SUBSTRING "${_build_hash}" 0 12 _build_hash)
  set(_dir "/tmp/kep-pg-${_build_hash}")
  get_property(_defined GLOBAL PROPERTY KEP_POSTGRES_FIXTURE_DEFINED)
  if(NOT _defined)
    set_property(GLOBAL PROPERTY KEP_POSTGRES_FIXTURE_DEFINED TRUE)
    set(_script "${PROJECT_SOURCE_DIR}/scripts/pg-cluster")
    # A cluster left by an interrupted run is stopped first.
    add_test(NAME postgres_cluster_start
             COMMAND bash -c "'${_script}' stop '${_dir}' && '${_script}' start '${_dir}'")
    add_test(NAME postgres_cluster_stop COMMAND "${_script}" stop "${_dir}")
    set_tests_properties(postgres_cluster_start PROPERTIES FIXTURES_SETUP postgres
                         LABELS "unit;integration" TIMEOUT 120)
    set_tests_properties(postgres_cluster_stop PROPERTIES FIXTURES_CLEANUP postgres
                         LABELS "unit;integration" TIMEOUT 120)
  endif()
  set_property(TEST ${test_name} APPEND PROPERTY FIXTURES_REQUIRED postgres)
  set_property(TEST ${test_name} APPEND PROPERTY ENVIRONMENT
               "KEP_TEST_PG_DSN_FILE=${_dir}/dsn")
endfunction()
