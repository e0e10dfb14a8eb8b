# dlc_lesson(<block> <lesson> [DEPENDS <block>/<lesson> ...])
#
# A lesson is three files: <block>/<lesson>.hpp (the literate API), <block>/<lesson>.cpp (the
# student's stubs) and solutions/<block>/<lesson>.cpp (the reference bodies), with its tests in
# tests/<block>/test_<lesson>.cpp. For each flavour F in {student, solution} this makes
#   lesson_<block>_<lesson>_F   a static library of the lesson's bodies,
#   test_<block>_<lesson>_F     the lesson's Catch2 tests linked against it.
# CTest runs the solution's tests (test "<block>.<lesson>") and checks that the untouched
# student flavour reports every exercise as not implemented (test "stubs.<block>.<lesson>").
set(DLC_FLAVOURS student solution)

function(dlc_lesson block lesson)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "DEPENDS")
  foreach(flavour IN LISTS DLC_FLAVOURS)
    if(flavour STREQUAL "solution")
      set(body ${PROJECT_SOURCE_DIR}/solutions/${block}/${lesson}.cpp)
    else()
      set(body ${PROJECT_SOURCE_DIR}/${block}/${lesson}.cpp)
    endif()
    set(lib lesson_${block}_${lesson}_${flavour})
    add_library(${lib} STATIC ${body})
    target_link_libraries(${lib} PUBLIC dlc_common PRIVATE dlc_warnings)
    if(flavour STREQUAL "student")
      # A stub leaves its arguments and the given code's variables unused until it is written.
      target_compile_options(${lib} PRIVATE -Wno-unused-parameter -Wno-unused-variable
                                            -Wno-unused-but-set-variable)
    endif()
    foreach(dep IN LISTS ARG_DEPENDS)
      string(REPLACE "/" "_" dep_id ${dep})
      target_link_libraries(${lib} PUBLIC lesson_${dep_id}_${flavour})
    endforeach()

    set(test_source ${PROJECT_SOURCE_DIR}/tests/${block}/test_${lesson}.cpp)
    set(test test_${block}_${lesson}_${flavour})
    add_executable(${test} ${test_source})
    target_link_libraries(${test} PRIVATE ${lib} dlc_catch_main dlc_test_support dlc_warnings)
    set_property(GLOBAL APPEND PROPERTY DLC_LESSON_TESTS_${flavour} ${test})
  endforeach()

  add_test(NAME ${block}.${lesson} COMMAND test_${block}_${lesson}_solution)
  set_tests_properties(${block}.${lesson} PROPERTIES ENVIRONMENT
                       "DLC_SHARED_DATA=${PROJECT_SOURCE_DIR}/../shared/data")
  add_test(
    NAME stubs.${block}.${lesson}
    COMMAND ${CMAKE_COMMAND} -DTEST_BINARY=$<TARGET_FILE:test_${block}_${lesson}_student>
            -P ${PROJECT_SOURCE_DIR}/cmake/CheckStudentFlavour.cmake)
  set_property(GLOBAL APPEND PROPERTY DLC_LESSONS ${block}/${lesson})
endfunction()
