# SPDX-FileCopyrightText: 2026 Costscape contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# costscape_embed_file(TARGET <target> FILE <path> SYMBOL <name>)
# Compiles FILE into TARGET as `extern const char <SYMBOL>[]` / `<SYMBOL>_size` in namespace
# Costscape::Embedded, regenerated whenever FILE changes.
function(costscape_embed_file)
    cmake_parse_arguments(ARG "" "TARGET;FILE;SYMBOL" "" ${ARGN})
    set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${ARG_SYMBOL}.cpp")
    add_custom_command(OUTPUT "${out}"
        COMMAND ${CMAKE_COMMAND} -DINPUT=${ARG_FILE} -DOUTPUT=${out} -DSYMBOL=${ARG_SYMBOL}
                -P "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
        DEPENDS "${ARG_FILE}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
        COMMENT "Embedding ${ARG_FILE}"
        VERBATIM)
    target_sources(${ARG_TARGET} PRIVATE "${out}")
endfunction()

# Collects every library TARGET links, following other targets' INTERFACE_LINK_LIBRARIES.
function(_costscape_collect_links target out_var)
    set(seen "")
    set(queue ${target})
    while(queue)
        list(POP_FRONT queue current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(TARGET ${current})
            get_target_property(type ${current} TYPE)
            set(props INTERFACE_LINK_LIBRARIES)
            if(NOT type STREQUAL "INTERFACE_LIBRARY")
                list(APPEND props LINK_LIBRARIES)
            endif()
            foreach(prop IN LISTS props)
                get_target_property(libs ${current} ${prop})
                if(libs)
                    foreach(lib IN LISTS libs)
                        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
                        list(APPEND queue ${lib})
                    endforeach()
                endif()
            endforeach()
        endif()
    endwhile()
    set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

# costscape_forbid_links(<target> <forbidden>...): configure error if <target> links any of them.
function(costscape_forbid_links target)
    _costscape_collect_links(${target} links)
    foreach(forbidden IN LISTS ARGN)
        if(forbidden IN_LIST links)
            message(FATAL_ERROR "${target} links ${forbidden}, against the layering "
                                "(app -> report/ui -> output -> models -> pricing -> base; the core has no Qt).")
        endif()
    endforeach()
endfunction()

# costscape_precompile_headers(<target> [REUSE_FROM <owner>] [HEADERS <header>...])
# Precompiles HEADERS for <target>, or uses <owner>'s precompiled header, when COSTSCAPE_PCH is
# on. Only the big external headers (Qt, QCustomPlot, nlohmann/json) go in: a project header
# there would rebuild every file of the target when it changes. REUSE_FROM needs the very same
# compile definitions and options in both targets: GCC silently parses the headers again
# otherwise, and clang stops with an error.
function(costscape_precompile_headers target)
    cmake_parse_arguments(ARG "" "REUSE_FROM" "HEADERS" ${ARGN})
    if(NOT COSTSCAPE_PCH)
        return()
    endif()
    if(ARG_REUSE_FROM)
        target_precompile_headers(${target} REUSE_FROM ${ARG_REUSE_FROM})
    else()
        target_precompile_headers(${target} PRIVATE ${ARG_HEADERS})
    endif()
endfunction()

# The tests' precompiled headers: one per folder and LIBS list, which is what decides a test's
# compile definitions (Qt's QT_*_LIB, QT_TESTCASE_BUILDDIR and QT_TESTCASE_SOURCEDIR). The
# group's first test makes it when a second test arrives; a test alone keeps parsing its headers,
# which costs less than precompiling them.
# Not for the core's tests (nor the core libraries): GCC 12 forgets through a precompiled header
# that <string> is a system header and reports its known -Warray-bounds false positive in
# std::string's move (fleet.cpp, ekscommon.cpp, tst_commitments.cpp...), an error under
# COSTSCAPE_WERROR.
function(_costscape_test_pch name libs)
    set(sorted ${libs})
    list(SORT sorted)
    if(sorted MATCHES "costscape_(base|pricing|models|output)" AND NOT sorted MATCHES "costscape_(ui|charts|report|itemmodels)|Qt6::Widgets")
        return()
    endif()
    string(MAKE_C_IDENTIFIER "${CMAKE_CURRENT_SOURCE_DIR}/${sorted}" key)
    get_property(owner GLOBAL PROPERTY costscape_test_pch_${key})
    if(NOT owner)
        set_property(GLOBAL PROPERTY costscape_test_pch_${key} ${name})
        return()
    endif()
    get_property(made GLOBAL PROPERTY costscape_test_pch_made_${key})
    if(NOT made)
        set(headers <QTest>)
        if(sorted MATCHES "costscape_")
            list(APPEND headers <nlohmann/json.hpp>)
        endif()
        if(sorted MATCHES "costscape_(ui|charts|report|itemmodels)|Qt6::Widgets")
            list(APPEND headers <QtWidgets>)
        endif()
        if(sorted MATCHES "QCustomPlotQt6")
            list(APPEND headers <qcustomplot.h>)
        endif()
        costscape_precompile_headers(${owner} HEADERS ${headers})
        set_property(GLOBAL PROPERTY costscape_test_pch_made_${key} TRUE)
    endif()
    costscape_precompile_headers(${name} REUSE_FROM ${owner})
endfunction()

# A test includes its own moc output ("tst_foo.moc"), so the mocs_compilation.cpp AUTOMOC adds
# is all but empty: loading the precompiled header into it would cost more than it compiles.
function(_costscape_test_moc_without_pch name)
    set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/${name}_autogen/mocs_compilation.cpp"
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()

# costscape_add_test(NAME <name> SOURCES <src>... [LIBS <lib>...] [GUI] [NO_CTEST])
# NO_CTEST builds the executable but leaves registering its tests to the caller.
# One Qt Test executable per unit. Test data is located through COSTSCAPE_TEST_DATA_DIR, never a
# path relative to the working directory. GUI tests run on the offscreen platform.
function(costscape_add_test)
    cmake_parse_arguments(ARG "GUI;NO_CTEST" "NAME" "SOURCES;LIBS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE costscape_options Qt6::Test ${ARG_LIBS})
    # Shared helpers are included as "tests/common/...", like every project header.
    target_include_directories(${ARG_NAME} PRIVATE "${PROJECT_SOURCE_DIR}")
    add_dependencies(${ARG_NAME} costscape-cli)
    target_compile_definitions(${ARG_NAME} PRIVATE
        COSTSCAPE_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        COSTSCAPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        COSTSCAPE_CLI_PATH="$<TARGET_FILE:costscape-cli>")
    # A test's own code is checked, not timed (the benchmarks measure a Release build): with GCC
    # it is compiled at -O1, which takes a fifth less time than -O2 and keeps script/test under
    # its ten minutes. The libraries it tests keep the build type's -O2.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${ARG_NAME} PRIVATE $<$<CONFIG:RelWithDebInfo>:-O1>)
    endif()
    _costscape_test_pch(${ARG_NAME} "${ARG_LIBS}")
    _costscape_test_moc_without_pch(${ARG_NAME})
    if(NOT ARG_NO_CTEST)
        add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
        set_tests_properties(${ARG_NAME} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT 120)
    endif()
endfunction()
