# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# cmake -DPROGRAM=path/to/quick_start -P usage_test.cmake: a command-line error must end with
# exit status 2, the error naming the option and the help on stderr, and nothing on stdout
# (a script's pipe gets no half-run output); --help alone prints the help on stdout with 0.
get_filename_component(name "${PROGRAM}" NAME)

execute_process(COMMAND "${PROGRAM}" --bogus
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status STREQUAL "2")
  message(FATAL_ERROR "${name} --bogus: exit status '${status}', expected 2\nstderr:\n${err}")
endif()
if(NOT err MATCHES "^${name}: unrecognised option '--bogus'\n")
  message(FATAL_ERROR "${name} --bogus: stderr does not start with the error naming --bogus:\n${err}")
endif()
if(NOT err MATCHES "\n  --help +show this help\n")
  message(FATAL_ERROR "${name} --bogus: stderr lacks the help text:\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "${name} --bogus: printed to stdout:\n${out}")
endif()

execute_process(COMMAND "${PROGRAM}" --help
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status STREQUAL "0" OR NOT out MATCHES "\n  --help +show this help\n" OR NOT err STREQUAL "")
  message(FATAL_ERROR "${name} --help: exit status '${status}', expected 0 and the help on stdout only\n"
                      "stdout:\n${out}\nstderr:\n${err}")
endif()
