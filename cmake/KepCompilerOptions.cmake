# Warnings and sanitizers for every target of the project (not for third-party code).
add_library(kep_compiler_options INTERFACE)
target_compile_options(kep_compiler_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)

if(KEP_FUZZ)
  set(KEP_SANITIZE ON)
endif()
if(KEP_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KEP_SANITIZE needs clang (use the 'asan' preset)")
  endif()
  set(_kep_san -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_compile_options(${_kep_san})
  add_link_options(${_kep_san})
endif()

# Beast and Asio are compiled once, in shared/net's kep_asio_impl, instead of in every
# translation unit that includes them: these definitions must be the same everywhere.
add_library(kep_asio_config INTERFACE)
target_compile_definitions(kep_asio_config INTERFACE
  BOOST_ASIO_SEPARATE_COMPILATION BOOST_BEAST_SEPARATE_COMPILATION
  BOOST_ASIO_NO_DEPRECATED)
target_link_libraries(kep_asio_config INTERFACE Boost::headers Boost::system OpenSSL::SSL
  OpenSSL::Crypto Threads::Threads)
