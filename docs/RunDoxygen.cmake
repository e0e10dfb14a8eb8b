# cmake -DDOXYGEN=<doxygen> -DDOXYFILE=<Doxyfile> -DWARNINGS=<log> -DHTML=<html dir>
#       -P RunDoxygen.cmake
#
# Runs Doxygen, prints every warning it logged, and fails when there was any (the Doxyfile has
# WARN_AS_ERROR = FAIL_ON_WARNINGS and WARN_LOGFILE = <log>, so Doxygen itself keeps quiet on
# the terminal). Then checks that no page loads a script, stylesheet, image or font from the
# network: the docs must read the same offline, from file://.
foreach(var DOXYGEN DOXYFILE WARNINGS HTML)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "RunDoxygen.cmake: -D${var}=... is required")
  endif()
endforeach()

# Start from an empty folder, so that no page of an earlier run lingers.
file(REMOVE_RECURSE ${HTML})
file(REMOVE ${WARNINGS})
execute_process(
  COMMAND ${DOXYGEN} ${DOXYFILE}
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)

set(warnings "")
if(EXISTS ${WARNINGS})
  file(READ ${WARNINGS} warnings)
  string(STRIP "${warnings}" warnings)
endif()
if(NOT warnings STREQUAL "")
  string(REGEX MATCHALL "(warning|error): " hits "${warnings}")
  list(LENGTH hits count)
  message("${warnings}")
  message(FATAL_ERROR "Doxygen: ${count} warning(s), listed above and in ${WARNINGS}")
endif()
if(NOT status EQUAL 0)
  message("${output}${errors}")
  message(FATAL_ERROR "Doxygen failed (exit status ${status})")
endif()

# Remote resources a page would fetch: src="http...", href="http..." on <link>, url(http...).
file(GLOB pages ${HTML}/*.html ${HTML}/*.js ${HTML}/*.css ${HTML}/search/*.html
     ${HTML}/search/*.js)
set(remote "")
foreach(page IN LISTS pages)
  file(STRINGS ${page} lines REGEX "src=[\"']?(https?:)?//|<link[^>]*href=[\"']?(https?:)?//|url\\([\"']?(https?:)?//")
  if(lines)
    list(APPEND remote "${page}: ${lines}")
  endif()
endforeach()
if(remote)
  list(JOIN remote "\n" remote)
  message(FATAL_ERROR "Pages that would load something from the network:\n${remote}")
endif()
list(LENGTH pages count)
message(STATUS "Doxygen: no warnings; ${count} files in ${HTML}, none loading from the network")
