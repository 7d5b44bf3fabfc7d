# Shared build settings and the helper that turns a folder under src/ into a layer target.

set(REVARCH_WARNINGS -Wall -Wextra -Wpedantic -Werror -Wshadow -Wnon-virtual-dtor
    -Wno-missing-field-initializers)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false -Wrestrict positives inside std::string at -O2/-O3 (GCC bug 105329).
  list(APPEND REVARCH_WARNINGS -Wno-restrict)
endif()

if(REVARCH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(REVARCH_FUZZ)
  # Every object gets coverage instrumentation; only fuzz targets link the libFuzzer main.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# revarch_layer(NAME DEPS <targets...>)
# Builds every *.cpp in the current folder except *_test.cpp into the static library
# revarch_<NAME>, and every *_test.cpp into the test executable <NAME>_tests.
function(revarch_layer name)
  cmake_parse_arguments(L "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  set(lib_sources ${all_sources})
  if(test_sources)
    list(REMOVE_ITEM lib_sources ${test_sources})
  endif()
  set(target revarch_${name})
  if(lib_sources)
    add_library(${target} STATIC ${lib_sources})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_compile_options(${target} PRIVATE ${REVARCH_WARNINGS})
    target_link_libraries(${target} PUBLIC ${L_DEPS})
  else()  # a layer with headers only (or none yet)
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${target} INTERFACE ${L_DEPS})
  endif()
  if(REVARCH_TESTS AND test_sources)
    add_executable(${name}_tests ${test_sources})
    target_compile_options(${name}_tests PRIVATE ${REVARCH_WARNINGS})
    target_compile_definitions(${name}_tests PRIVATE
        REVARCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        REVARCH_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    target_link_libraries(${name}_tests PRIVATE ${target} ${L_TEST_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
    gtest_discover_tests(${name}_tests DISCOVERY_TIMEOUT 60
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} PROPERTIES LABELS ${name})
  endif()
endfunction()
