# CPack's External generator runs this after staging the payload: wixl turns it into the MSI.
set(_msi "${CPACK_PACKAGE_DIRECTORY}/${CPACK_PACKAGE_FILE_NAME}.msi")
execute_process(
  COMMAND "${KEP_BUILD_MSI}" --payload "${CPACK_TEMPORARY_DIRECTORY}"
          --version "${CPACK_PACKAGE_VERSION}" --output "${_msi}"
  RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "kep-desk MSI: build-msi failed (${_result})")
endif()
set(CPACK_EXTERNAL_BUILT_PACKAGES "${_msi}")
