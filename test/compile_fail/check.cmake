# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Runs one compile-fail test (see test/CMakeLists.txt). The control target, the same file with
# FASTITER_COMPILE_FAIL_CONTROL (the fix applied), must compile: then the test target failing
# proves the misuse is what fails. The test target must fail, and the compiler's output must
# match every `// expect: <regex>` line of the source, so that the message stays the one
# promised, and the first error must match the first of them. Usage:
#   cmake -D BUILD_DIR=<build tree> -D TARGET=cf_<name> -D SOURCE=<file.cpp> [-D CONFIG=<config>] -P check.cmake
foreach(required IN ITEMS BUILD_DIR TARGET SOURCE)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "check.cmake: -D ${required}=... is missing")
  endif()
endforeach()

function(build target)
  set(config_args)
  if(CONFIG)
    set(config_args --config ${CONFIG})
  endif()
  # One variable for both pipes: CMake merges them in the order produced.
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${target} ${config_args}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  set(build_result "${result}" PARENT_SCOPE)
  set(build_output "${output}" PARENT_SCOPE)
endfunction()

build(${TARGET}_control)
if(NOT build_result EQUAL 0)
  message(FATAL_ERROR "${TARGET}_control (the fix applied) does not compile, so ${TARGET} proves nothing:\n"
                      "${build_output}")
endif()

build(${TARGET})
if(build_result EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but it must not")
endif()

file(STRINGS ${SOURCE} expectations REGEX "^// expect: ")
if(NOT expectations)
  message(FATAL_ERROR "${SOURCE} has no `// expect: <regex>` line")
endif()
foreach(line IN LISTS expectations)
  string(REGEX REPLACE "^// expect: " "" pattern "${line}")
  if(NOT build_output MATCHES "${pattern}")
    message(FATAL_ERROR "${TARGET} does not compile, as it must, but the output lacks /${pattern}/:\n"
                        "${build_output}")
  endif()
endforeach()

# The promised message must come first: one clear error, not the last of a page.
string(REGEX MATCH "error: [^\n]*" first_error "${build_output}")
list(GET expectations 0 first_line)
string(REGEX REPLACE "^// expect: " "" first_pattern "${first_line}")
if(NOT first_error MATCHES "${first_pattern}")
  message(FATAL_ERROR "${TARGET}: the first error is not the promised one (/${first_pattern}/):\n${first_error}")
endif()
list(LENGTH expectations count)
message(STATUS "${TARGET} does not compile; its first error and the output have all ${count} expected messages")
