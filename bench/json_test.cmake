# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# cmake -DBENCH=path/to/fastiter-bench -DDIR=scratch/dir -P json_test.cmake: a one-round run
# written with --format json must parse, keep its fields in their documented order, and carry
# a control character (here one in the --output name, echoed in "command") escaped, not lost.
string(ASCII 1 control)
set(output "${DIR}/report${control}.json")
set(arguments -w sum3m -s 1000 -r 1 -t 1 -c seq,fastiter-pipe -f json -o "${output}")
execute_process(COMMAND "${BENCH}" ${arguments} RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status STREQUAL "0")
  message(FATAL_ERROR "fastiter-bench ${arguments}: exit status '${status}'\n${err}")
endif()
file(READ "${output}" report)
file(REMOVE "${output}")
if(NOT report MATCHES "\\\\u0001")
  message(FATAL_ERROR "the control character is not escaped as \\u0001:\n${report}")
endif()

# The members of a JSON object, sorted: CMake's parser does not keep their order.
function(json_members out json)
  string(JSON count LENGTH "${json}" ${ARGN})
  set(members "")
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON member MEMBER "${json}" ${ARGN} ${i})
    list(APPEND members ${member})
  endforeach()
  list(SORT members)
  set(${out} "${members}" PARENT_SCOPE)
endfunction()

json_members(top "${report}")
set(expected command hardware_threads cpu other_cores_busy stolen_fraction rounds seconds contenders results notes)
list(SORT expected)
if(NOT top STREQUAL expected)
  message(FATAL_ERROR "top-level fields '${top}', expected '${expected}'")
endif()
json_members(cell "${report}" results 0)
set(expected workload n threads contender ns_per_call speedup busy_threads batch rounds checksum status
             other_cores_busy)
list(SORT expected)
if(NOT cell STREQUAL expected)
  message(FATAL_ERROR "result fields '${cell}', expected '${expected}'")
endif()

string(JSON command GET "${report}" command)
list(JOIN arguments " " typed)
if(NOT command STREQUAL "fastiter-bench ${typed}")
  message(FATAL_ERROR "\"command\" is '${command}', expected 'fastiter-bench ${typed}'")
endif()
