# cmake -DDOXYGEN=<doxygen> -DDOXYFILE=<Doxyfile> -DWARNINGS=<log> -DHTML=<html dir>
#       -DMATHJAX=<MathJax 2 folder> -P RunDoxygen.cmake
#
# Runs Doxygen, prints every warning it logged, and fails when there was any (the Doxyfile has
# WARN_AS_ERROR = FAIL_ON_WARNINGS and WARN_LOGFILE = <log>, so Doxygen itself keeps quiet on
# the terminal). Then copies the parts of MathJax the pages use into <html dir>/mathjax
# (MathJaxFiles.cmake), and checks that no page loads a script, stylesheet, image or font from the
# network: the docs must read the same offline, from file://, wherever the folder is.
foreach(var DOXYGEN DOXYFILE WARNINGS HTML MATHJAX)
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

# MathJax, beside the pages: each part keeps its path under the MathJax folder.
include(${CMAKE_CURRENT_LIST_DIR}/MathJaxFiles.cmake)
foreach(part IN LISTS DLC_MATHJAX_PARTS)
  if(NOT EXISTS ${MATHJAX}/${part})
    message(FATAL_ERROR "RunDoxygen.cmake: ${MATHJAX}/${part} is missing (MathJaxFiles.cmake "
                        "lists the parts of MathJax 2.7 the pages use)")
  endif()
  get_filename_component(parent ${HTML}/mathjax/${part} DIRECTORY)
  file(COPY ${MATHJAX}/${part} DESTINATION ${parent})
endforeach()

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
list(LENGTH DLC_MATHJAX_PARTS parts)
message(STATUS "Doxygen: no warnings; ${count} files in ${HTML}, none loading from the network; "
               "${parts} parts of MathJax copied into ${HTML}/mathjax")
