file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "Failed (${result}): ${ARGN}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(expected
        "include/Stratus/datastore.h"
        "include/Stratus/stratus_export.h")
    if(NOT EXISTS "${prefix}/${expected}")
        message(FATAL_ERROR "Not installed: ${expected}")
    endif()
endforeach()
file(GLOB_RECURSE config "${prefix}/*/StratusConfig.cmake")
if(NOT config)
    message(FATAL_ERROR "StratusConfig.cmake was not installed")
endif()

# The QML module installs to <libdir>/qt6/qml/Stratus and imports from there.
file(GLOB_RECURSE qmldir "${prefix}/*/qt6/qml/Stratus/qmldir")
if(NOT qmldir)
    message(FATAL_ERROR "The QML module was not installed to <libdir>/qt6/qml/Stratus")
endif()
get_filename_component(module_dir "${qmldir}" DIRECTORY)
foreach(expected libstratusqmlplugin.so StratusQml.qmltypes)
    if(NOT EXISTS "${module_dir}/${expected}")
        message(FATAL_ERROR "Not installed: ${module_dir}/${expected}")
    endif()
endforeach()
get_filename_component(qml_import_dir "${module_dir}" DIRECTORY)
execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env QT_QPA_PLATFORM=offscreen "QML_IMPORT_PATH=${qml_import_dir}"
        "${QML_TEST}" -input "${QML_TEST_DIR}"
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "import Stratus from ${qml_import_dir} failed:\n${out}\n${err}")
endif()

# The README's quick start must compile and run as pasted.
file(READ "${README}" readme)
string(REGEX MATCH "<!-- quickstart begin -->\n```cpp\n(.*)```\n<!-- quickstart end -->" found "${readme}")
if(NOT found)
    message(FATAL_ERROR "No quick start block in ${README}")
endif()
file(WRITE "${WORK_DIR}/quickstart.cpp" "${CMAKE_MATCH_1}")

run("${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_BUILD_TYPE=Release
    "-DQUICKSTART_SOURCE=${WORK_DIR}/quickstart.cpp")
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer")
run("${WORK_DIR}/consumer/consumer" "${WORK_DIR}/consumer.sqlite")
if(NOT last_output MATCHES "saved milk, found 1")
    message(FATAL_ERROR "Unexpected consumer output: ${last_output}")
endif()
message(STATUS "consumer: ${last_output}")

execute_process(COMMAND "${WORK_DIR}/consumer/quickstart" WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR NOT err MATCHES "Buy milk")
    message(FATAL_ERROR "The README quick start failed (${result}):\n${out}\n${err}")
endif()
message(STATUS "quick start: ${err}")
