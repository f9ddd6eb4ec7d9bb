# SPDX-FileCopyrightText: 2026 Costscape contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when base/, pricing/, models/ or output/ include a Qt GUI, Widgets or QCustomPlot header.
file(GLOB_RECURSE sources ${ROOT}/base/*.h ${ROOT}/base/*.cpp ${ROOT}/pricing/*.h ${ROOT}/pricing/*.cpp
     ${ROOT}/models/*.h ${ROOT}/models/*.cpp ${ROOT}/output/*.h ${ROOT}/output/*.cpp)
set(bad "")
foreach(f IN LISTS sources)
    file(STRINGS "${f}" lines REGEX "#[ \t]*include[ \t]*[<\"](Q[A-Z][A-Za-z]*|QtWidgets/.*|QtGui/.*|qcustomplot\\.h)[>\"]")
    if(lines)
        list(APPEND bad "${f}: ${lines}")
    endif()
endforeach()
if(bad)
    message(FATAL_ERROR "The calculation core includes GUI headers:\n${bad}")
endif()
list(LENGTH sources n)
message(STATUS "checked ${n} core files: no GUI includes")
