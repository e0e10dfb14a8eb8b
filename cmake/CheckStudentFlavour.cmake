# cmake -DTEST_BINARY=<a lesson's test program, student flavour> [-DTIMEOUT=<seconds>] -P this
#
# Checks that the untouched student flavour of a lesson reports "not implemented yet" for every
# exercise: never a crash, never a false pass. It runs TEST_BINARY with Catch2's XML reporter and
# reads the report:
#   - a test case belongs to exercise <block>.<name> when one of its tags is that id
#     (`[week2.sigmoid]`); at least one test case of every exercise must fail;
#   - every failure, in any test case, must be an exception whose message contains
#     `not implemented yet: <exercise id>` (the id of that exercise or of another one it calls,
#     as dlc::NotImplemented words it); a wrong value, a different exception or a crash fails the
#     check, naming the test case and the message;
#   - a program that crashes, hangs or stops before its report is complete fails the check.
# On success it prints one line, `stubs: 8 exercises, all report not implemented yet`.

cmake_minimum_required(VERSION 3.25)

if(NOT TEST_BINARY OR NOT EXISTS "${TEST_BINARY}")
  message(FATAL_ERROR "usage: cmake -DTEST_BINARY=<Catch2 test program> -P "
                      "CheckStudentFlavour.cmake (TEST_BINARY='${TEST_BINARY}' does not exist)")
endif()
if(NOT TIMEOUT)
  set(TIMEOUT 600)
endif()
get_filename_component(program "${TEST_BINARY}" NAME)

# Catch2 writes its report to a file, so that what the tested code prints cannot mix into it.
set(report "${TEST_BINARY}.stubs.xml")
file(REMOVE "${report}")
execute_process(
  COMMAND "${TEST_BINARY}" --reporter xml --out "${report}"
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output
  TIMEOUT ${TIMEOUT})
set(xml "")
if(EXISTS "${report}")
  file(READ "${report}" xml)
endif()

# CMake splits strings at ';' when they become lists: the report's semicolons (in `&lt;` and in
# messages) become the control character 1, which Catch2 never writes raw, until they are shown.
string(ASCII 1 semicolon)
string(REPLACE ";" "${semicolon}" xml "${xml}")

# The readable text of an XML fragment: entities decoded, semicolons back, surrounding blanks
# removed.
function(xml_text fragment out)
  set(s "${fragment}")
  string(REPLACE "&lt${semicolon}" "<" s "${s}")
  string(REPLACE "&gt${semicolon}" ">" s "${s}")
  string(REPLACE "&quot${semicolon}" "\"" s "${s}")
  string(REPLACE "&apos${semicolon}" "'" s "${s}")
  string(REPLACE "&amp${semicolon}" "&" s "${s}")
  string(REPLACE "${semicolon}" ";" s "${s}")
  string(STRIP "${s}" s)
  set(${out} "${s}" PARENT_SCOPE)
endfunction()

# Cuts the first element `<name ...>...</name>` (or `<name .../>`) out of the variable `text_var`
# into `element_var`; leaves `element_var` empty when there is none. An element cut short by a
# crash runs to the end of the text.
function(cut_element text_var name element_var)
  set(text "${${text_var}}")
  string(FIND "${text}" "<${name} " start)
  if(start EQUAL -1)
    string(FIND "${text}" "<${name}>" start)
  endif()
  if(start EQUAL -1)
    set(${element_var} "" PARENT_SCOPE)
    return()
  endif()
  string(SUBSTRING "${text}" ${start} -1 tail)
  string(REGEX MATCH "^<${name}( [A-Za-z]+=\"[^\"]*\")*/>" element "${tail}")
  if(NOT element)
    string(FIND "${tail}" "</${name}>" end)
    if(end EQUAL -1)
      set(element "${tail}")
    else()
      string(LENGTH "</${name}>" close)
      math(EXPR end "${end} + ${close}")
      string(SUBSTRING "${tail}" 0 ${end} element)
    endif()
  endif()
  string(LENGTH "${element}" length)
  string(SUBSTRING "${text}" 0 ${start} before)
  string(SUBSTRING "${tail}" ${length} -1 after)
  set(${text_var} "${before}${after}" PARENT_SCOPE)
  set(${element_var} "${element}" PARENT_SCOPE)
endfunction()

# The text inside the first element `<name ...>text</name>` of `fragment`.
function(element_text fragment name out)
  set(text "")
  if(fragment MATCHES "<${name}( [A-Za-z]+=\"[^\"]*\")*>(.*)</${name}>")
    xml_text("${CMAKE_MATCH_2}" text)
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# `file:line` of the first element of `fragment`.
function(element_place fragment out)
  set(place "")
  if(fragment MATCHES "filename=\"([^\"]*)\" line=\"([0-9]+)\"")
    xml_text("${CMAKE_MATCH_1}" file)
    set(place "${file}:${CMAKE_MATCH_2}")
  endif()
  set(${out} "${place}" PARENT_SCOPE)
endfunction()

set(not_implemented "not implemented yet: [A-Za-z0-9_]+\\.[A-Za-z0-9_]+")
set(id_pattern "^[A-Za-z0-9_]+\\.[A-Za-z0-9_]+$")
set(problems "")     # one paragraph per test case with a failure that is not "not implemented"
set(exercises "")    # exercise ids, in the order their test cases ran
set(running "")      # the test case a crash interrupted, if any

set(rest "${xml}")
while(TRUE)
  cut_element(rest "TestCase" case)
  if(NOT case)
    break()
  endif()
  set(name "")
  set(tags "")
  if(case MATCHES "^<TestCase name=\"([^\"]*)\"")
    xml_text("${CMAKE_MATCH_1}" name)
  endif()
  if(case MATCHES "tags=\"([^\"]*)\"")
    set(tags "${CMAKE_MATCH_1}")
  endif()
  # A test case cut short by a crash did not pass: the crash is reported below.
  set(failed TRUE)
  if(NOT case MATCHES "<OverallResult ")
    set(running "${name}")
  elseif(case MATCHES "<OverallResult success=\"true\"")
    set(failed FALSE)
  endif()

  # Its exercises: the tags that are ids.
  string(REGEX REPLACE "^\\[(.*)\\]$" "\\1" tag_list "${tags}")
  string(REPLACE "][" ";" tag_list "${tag_list}")
  foreach(tag IN LISTS tag_list)
    if(tag MATCHES "${id_pattern}")
      if(NOT tag IN_LIST exercises)
        list(APPEND exercises "${tag}")
        set(cases_${tag} 0)
        set(failed_${tag} 0)
      endif()
      math(EXPR cases_${tag} "${cases_${tag}} + 1")
      if(failed)
        math(EXPR failed_${tag} "${failed_${tag}} + 1")
      endif()
    endif()
  endforeach()

  # Its failures. An assertion's failure is an <Expression> (holding the exception it caught, if
  # any); an exception thrown outside an assertion, a crash and FAIL() stand alone.
  set(bad "")
  foreach(kind Expression Exception FatalErrorCondition Failure)
    while(TRUE)
      cut_element(case ${kind} failure)
      if(NOT failure)
        break()
      endif()
      element_place("${failure}" place)
      set(crashed FALSE)
      if(failure MATCHES "<FatalErrorCondition")
        set(crashed TRUE)
      endif()
      if(kind STREQUAL "Expression")
        element_text("${failure}" Original original)
        element_text("${failure}" Expanded expanded)
        if(failure MATCHES "^<Expression [^>]*type=\"([A-Z_]+)\"")
          set(original "${CMAKE_MATCH_1}( ${original} )")
        endif()
        set(message "")
        foreach(inner Exception FatalErrorCondition Failure)
          if(message STREQUAL "")
            element_text("${failure}" ${inner} message)
          endif()
        endforeach()
        if(NOT message STREQUAL "")
          set(what "${original} threw: ${message}")
        else()
          # CHECK_THROWS_WITH compares the exception's message: its expansion holds the message.
          set(message "${expanded}")
          set(what "${original} failed, with expansion:\n  ${expanded}")
        endif()
      else()
        element_text("${failure}" ${kind} message)
        if(kind STREQUAL "Exception")
          set(what "unexpected exception: ${message}")
        elseif(crashed)
          set(what "crashed: ${message}")
        else()
          set(what "FAIL: ${message}")
        endif()
      endif()
      if(crashed OR NOT message MATCHES "${not_implemented}")
        string(REPLACE "\n" "\n      " what "${what}")
        string(APPEND bad "    ${place}: ${what}\n")
      endif()
    endwhile()
  endforeach()
  if(NOT bad STREQUAL "")
    xml_text("${tags}" shown_tags)
    string(APPEND problems "  test case \"${name}\" ${shown_tags}\n${bad}")
  endif()
endwhile()

# The verdict.
set(errors "")
if(NOT exit_code MATCHES "^[0-9]+$")
  string(APPEND errors "${program} did not finish: ${exit_code}")
  if(NOT running STREQUAL "")
    string(APPEND errors ", in test case \"${running}\"")
  endif()
  string(APPEND errors "\n")
elseif(NOT xml MATCHES "</Catch>[ \t\r\n]*$")
  string(APPEND errors "${program} stopped before its test report was complete "
                       "(exit code ${exit_code})")
  if(NOT running STREQUAL "")
    string(APPEND errors ", in test case \"${running}\"")
  endif()
  string(APPEND errors "\n")
endif()
if(NOT problems STREQUAL "")
  string(APPEND errors "failures other than \"not implemented yet\" (a stub must throw "
                       "dlc::NotImplemented before computing anything):\n${problems}")
endif()
set(passing "")
foreach(id IN LISTS exercises)
  if(failed_${id} EQUAL 0)
    string(APPEND passing "  ${id}: all ${cases_${id}} of its test cases passed against the stub\n")
  endif()
endforeach()
if(NOT passing STREQUAL "")
  string(APPEND errors "exercises whose tests pass without their code (a false pass):\n${passing}")
endif()

list(LENGTH exercises count)
if(NOT errors STREQUAL "")
  if(errors MATCHES "did not finish|stopped before")
    # The program's last lines of output, which may say more about the crash.
    string(REPLACE ";" "${semicolon}" lines "${output}")
    string(STRIP "${lines}" lines)
    string(REPLACE "\n" ";" lines "${lines}")
    list(LENGTH lines n)
    if(n GREATER 8)
      math(EXPR first "${n} - 8")
      list(SUBLIST lines ${first} -1 lines)
    endif()
    list(JOIN lines "\n    " tail)
    string(REPLACE "${semicolon}" ";" tail "${tail}")
    if(NOT tail STREQUAL "")
      string(APPEND errors "its last output:\n    ${tail}\n")
    endif()
  endif()
  if(EXISTS "${report}")
    string(APPEND errors "Catch2's report is ${report}.\n")
  endif()
  string(STRIP "${errors}" errors)
  message(NOTICE "${errors}")
  message(FATAL_ERROR "stubs: ${program}: the untouched stubs must report \"not implemented "
                      "yet\" for each exercise, and nothing else (see above)")
endif()

file(REMOVE "${report}")
if(count EQUAL 0)
  set(summary "stubs: no test case of ${program} is tagged with an exercise id; nothing to check")
elseif(count EQUAL 1)
  set(summary "stubs: 1 exercise, reports not implemented yet")
else()
  set(summary "stubs: ${count} exercises, all report not implemented yet")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${summary}")
