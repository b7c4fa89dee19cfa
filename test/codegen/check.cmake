# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# The leaf-loop guard (see leaf_loops.cpp): compiles every LEAF_CASE_<name> of the source alone
# at -O3 with the compiler's vectorization report, and fails when the hand loop of a case
# vectorizes and fastiter's leaf loop (in detail/producers.hpp) does not, or does not in one of
# its copies. It reads what the compiler made of the code, not how fast it ran, so a shared
# machine cannot fail it. Usage:
#   cmake -D CXX=<compiler> -D COMPILER_ID=<GNU|Clang> -D SOURCE=<leaf_loops.cpp>
#         -D INCLUDE_DIR=<fastiter's include/> [-D SYSTEM_INCLUDE_DIRS=<Boost's;...>] -P check.cmake
foreach(required IN ITEMS CXX COMPILER_ID SOURCE INCLUDE_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "check.cmake: -D ${required}=... is missing")
  endif()
endforeach()

if(COMPILER_ID STREQUAL "GNU")
  set(report -fopt-info-vec-optimized -fopt-info-vec-missed)
  set(vectorized "loop vectorized")
  set(not_vectorized "couldn't vectorize loop")
elseif(COMPILER_ID MATCHES "Clang")
  set(report -Rpass=loop-vectorize -Rpass-missed=loop-vectorize)
  set(vectorized "vectorized loop")
  set(not_vectorized "loop not vectorized")
else()
  message(STATUS "leaf-loop guard: no vectorization report known for ${COMPILER_ID}; nothing checked")
  return()
endif()

set(include_flags -I${INCLUDE_DIR})
foreach(dir IN LISTS SYSTEM_INCLUDE_DIRS)
  list(APPEND include_flags -isystem ${dir})
endforeach()

file(STRINGS ${SOURCE} case_lines REGEX "^#ifdef LEAF_CASE_")
set(failures "")
set(checked 0)
foreach(line IN LISTS case_lines)
  string(REGEX REPLACE "^#ifdef " "" case "${line}")
  execute_process(COMMAND ${CXX} -std=c++20 -O3 -DNDEBUG ${include_flags} -D${case} -c ${SOURCE}
                          -o ${CMAKE_CURRENT_BINARY_DIR}/${case}.o ${report}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${case} does not compile:\n${output}")
  endif()
  string(REPLACE "\n" ";" lines "${output}")
  set(hand 0)
  set(leaf 0)
  set(leaf_missed 0)
  foreach(report_line IN LISTS lines)
    if(report_line MATCHES "leaf_loops.cpp:.*${vectorized}")
      math(EXPR hand "${hand} + 1")
    elseif(report_line MATCHES "producers.hpp:.*${vectorized}")
      math(EXPR leaf "${leaf} + 1")
    elseif(report_line MATCHES "producers.hpp:.*${not_vectorized}")
      math(EXPR leaf_missed "${leaf_missed} + 1")
    endif()
  endforeach()
  string(REGEX REPLACE "^LEAF_CASE_" "" name "${case}")
  message(STATUS "${name}: hand loop vectorized ${hand}x; fastiter's leaf loop ${leaf}x, not ${leaf_missed}x")
  if(hand GREATER 0 AND (leaf EQUAL 0 OR leaf_missed GREATER 0))
    string(APPEND failures "\n  ${name}: the hand loop vectorizes, fastiter's leaf loop does not")
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "${SOURCE} has no #ifdef LEAF_CASE_<name>")
endif()
if(failures)
  message(FATAL_ERROR "leaf loops that compile worse than the hand loop (${COMPILER_ID}):${failures}")
endif()
message(STATUS "leaf-loop guard: ${checked} cases, fastiter vectorizes wherever the hand loop does")
