# Copyright (c) 2026 the fastiter authors
# SPDX-License-Identifier: BSL-1.0
# Fails when the shared library LIBRARY exports from namespace fastiter anything but what
# EXPECTED lists (names without parameter lists): a declaration that lost FASTITER_DECL, or a
# template or inline function that hidden visibility no longer hides.
# Usage: cmake -D NM=nm -D LIBRARY=libfastiter.so -D EXPECTED=exports.txt -P check.cmake
execute_process(COMMAND ${NM} -D -C --defined-only ${LIBRARY}
  OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${NM} -D ${LIBRARY} failed")
endif()
string(REGEX MATCHALL "[^\n]*\n" lines "${symbols}")
set(exported "")
foreach(line IN LISTS lines)
  # Anywhere in the line: a template's name comes after its return type, a vtable's after
  # "vtable for".
  if(line MATCHES "^[0-9a-f]* [A-Za-z] (.* )?(fastiter::[^(\n]*)")
    list(APPEND exported "${CMAKE_MATCH_2}")
  endif()
endforeach()
list(REMOVE_DUPLICATES exported)
list(SORT exported)
file(STRINGS ${EXPECTED} expected REGEX "^fastiter::")
list(SORT expected)
set(unexpected ${exported})
list(REMOVE_ITEM unexpected ${expected})
set(missing ${expected})
list(REMOVE_ITEM missing ${exported})
if(unexpected OR missing)
  list(JOIN unexpected "\n  " unexpected)
  list(JOIN missing "\n  " missing)
  message(FATAL_ERROR "${LIBRARY}'s exports differ from ${EXPECTED}:\n"
    "exported but not listed:\n  ${unexpected}\nlisted but not exported:\n  ${missing}")
endif()
list(LENGTH exported count)
message(STATUS "${LIBRARY} exports the ${count} names of ${EXPECTED}")
