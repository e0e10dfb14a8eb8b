# dlc_lesson(<block> <lesson> [DEPENDS <block>/<lesson> ...])
#
# A lesson is three files: <block>/<lesson>.hpp (the literate API), <block>/<lesson>.cpp (the
# student's stubs) and solutions/<block>/<lesson>.cpp (the reference bodies), with its tests in
# tests/<block>/test_<lesson>.cpp. For each flavour F in {student, solution} this makes
#   lesson_<block>_<lesson>_F   a static library of the lesson's bodies,
#   test_<block>_<lesson>_F     the lesson's Catch2 tests linked against it,
# and one object library, tests_<block>_<lesson>, the lesson's test file compiled once and linked
# into both test programs (the tests see only the lesson's header, never a flavour).
# A student's warnings never stop the build, even with DLC_WERROR=ON: the student flavour's file
# is compiled with -Wno-error, so `dlc grade` says "does not compile" only for a real error.
# CTest runs the solution's tests (test "<block>.<lesson>"); `grader.stubs` grades the untouched
# student flavour of every lesson, which must report each exercise as not implemented.
#
# The lessons, in the order of the calls, are the global property DLC_LESSONS
# (`<block>/<lesson>`; DLC_LESSON_LINES adds the lessons each depends on), and the lecture blocks they belong to, in the order of their first
# lesson, DLC_BLOCKS (`week1;week2;...`): the one list of blocks, read by the
# docs, the format targets and the program files of `dlc run`.
# A release (no solutions/, see DLC_HAS_SOLUTIONS) builds the student flavour alone, and none of
# what grades against the reference: no remote tables, no runners' objects, no grading kit.
if(DLC_HAS_SOLUTIONS)
  set(DLC_FLAVOURS student solution)
else()
  set(DLC_FLAVOURS student)
endif()
# How a runner's objects are compiled: the lessons' reference solutions here, a student's file
# by the grader (apps/grader/grader.cpp), with the same flags.
set(DLC_RUNNER_FLAGS -fPIC -ffunction-sections)

# Every test program is linked with -Wl,--wrap=exit and this object, so that exit() in the middle
# of a test ends the program as an early exit (which `dlc grade` reports as such) rather than as
# a crash in Catch2's redirected streams (apps/grader/exit_guard.cpp).
add_library(dlc_exit_guard OBJECT ${PROJECT_SOURCE_DIR}/apps/grader/exit_guard.cpp)
target_link_libraries(dlc_exit_guard PRIVATE dlc_warnings)
target_link_options(dlc_exit_guard INTERFACE -Wl,--wrap=exit)

function(dlc_lesson block lesson)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "DEPENDS")
  set(test_source ${PROJECT_SOURCE_DIR}/tests/${block}/test_${lesson}.cpp)
  set(test_objects tests_${block}_${lesson})
  add_library(${test_objects} OBJECT ${test_source})
  target_link_libraries(${test_objects} PRIVATE dlc_common dlc_test_support dlc_warnings)

  foreach(flavour IN LISTS DLC_FLAVOURS)
    if(flavour STREQUAL "solution")
      set(body ${PROJECT_SOURCE_DIR}/solutions/${block}/${lesson}.cpp)
    else()
      set(body ${PROJECT_SOURCE_DIR}/${block}/${lesson}.cpp)
    endif()
    set(lib lesson_${block}_${lesson}_${flavour})
    add_library(${lib} STATIC ${body})
    target_link_libraries(${lib} PUBLIC dlc_common PRIVATE dlc_warnings)
    # __FILE__ relative to the source folder, so that DLC_TODO names `week2/images.cpp`.
    target_compile_options(${lib} PRIVATE -fmacro-prefix-map=${PROJECT_SOURCE_DIR}/=)
    if(flavour STREQUAL "student")
      # A stub leaves its arguments and the given code's variables unused until it is written.
      target_compile_options(${lib} PRIVATE -Wno-unused-parameter -Wno-unused-variable
                                            -Wno-unused-but-set-variable)
      # As a source property it comes after the target's -Werror (from dlc_warnings) on the
      # command line, and so wins.
      set_property(SOURCE ${body} APPEND PROPERTY COMPILE_OPTIONS -Wno-error)
    endif()
    foreach(dep IN LISTS ARG_DEPENDS)
      string(REPLACE "/" "_" dep_id ${dep})
      target_link_libraries(${lib} PUBLIC lesson_${dep_id}_${flavour})
    endforeach()

    set(test test_${block}_${lesson}_${flavour})
    add_executable(${test} $<TARGET_OBJECTS:${test_objects}>)
    target_link_libraries(${test} PRIVATE ${lib} dlc_catch_main dlc_exit_guard dlc_test_support
                                          dlc_warnings)
    set_property(GLOBAL APPEND PROPERTY DLC_LESSON_TESTS_${flavour} ${test})
  endforeach()

  if(DLC_HAS_SOLUTIONS)
    # For the grader (common/remote.hpp): the lesson's table of exercises, generated from the
    # solution's markers, and the solution compiled for the runners the grader links from a
    # student's file (-fPIC keeps every call between exercises a call of the symbol, so that the
    # student's version of one exercise calls the reference of the others, and
    # -ffunction-sections lets the linker drop the reference of the exercise being graded).
    set(solution ${PROJECT_SOURCE_DIR}/solutions/${block}/${lesson}.cpp)
    set(table ${PROJECT_BINARY_DIR}/remote/${block}_${lesson}.cpp)
    file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/remote)
    add_custom_command(
      OUTPUT ${table}
      COMMAND dlc-stubgen --remote ${solution} ${block} ${table}
      DEPENDS dlc-stubgen ${solution}
      COMMENT "The exercises of ${block}/${lesson}, callable in another process"
      VERBATIM)
    add_library(remote_${block}_${lesson} OBJECT ${table})
    target_link_libraries(remote_${block}_${lesson} PRIVATE dlc_common dlc_warnings)
    target_sources(test_${block}_${lesson}_solution PRIVATE $<TARGET_OBJECTS:remote_${block}_${lesson}>)
    target_link_libraries(test_${block}_${lesson}_solution PRIVATE dlc_judge_main)
    add_library(runner_reference_${block}_${lesson} OBJECT ${solution})
    target_link_libraries(runner_reference_${block}_${lesson} PRIVATE dlc_common dlc_warnings)
    target_compile_options(runner_reference_${block}_${lesson} PRIVATE ${DLC_RUNNER_FLAGS}
                           -fmacro-prefix-map=${PROJECT_SOURCE_DIR}/=)
    set(kit "lesson\t${block}/${lesson}\n")
    string(APPEND kit "judge\t$<TARGET_FILE:test_${block}_${lesson}_solution>\n")
    string(APPEND kit "table\t$<JOIN:$<TARGET_OBJECTS:remote_${block}_${lesson}>,\t>\n")
    string(APPEND kit
           "reference\t$<JOIN:$<TARGET_OBJECTS:runner_reference_${block}_${lesson}>,\t>\n")
    set_property(GLOBAL APPEND_STRING PROPERTY DLC_GRADING_KIT "${kit}")

    add_test(NAME ${block}.${lesson} COMMAND test_${block}_${lesson}_solution)
    set_tests_properties(${block}.${lesson} PROPERTIES ENVIRONMENT
                         "DLC_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data")
  endif()
  set_property(GLOBAL APPEND PROPERTY DLC_LESSONS ${block}/${lesson})
  string(JOIN " " line ${block}/${lesson} ${ARG_DEPENDS})
  set_property(GLOBAL APPEND PROPERTY DLC_LESSON_LINES "${line}")
  get_property(blocks GLOBAL PROPERTY DLC_BLOCKS)
  if(NOT block IN_LIST blocks)
    set_property(GLOBAL APPEND PROPERTY DLC_BLOCKS ${block})
  endif()
endfunction()
