# Debian packages with CPack (scripts/package runs it): one package per install component.
#   rapport                    cli         the command-line tool, the bundled templates, the
#                                          catalogues, the man page, the bash completion
#   codeblocks-plugin-rapport  codeblocks  the Code::Blocks plugin, for the exact codeblocks
#                                          version it was built against
#   geany-plugin-rapport       geany       the Geany plugin, for the Geany ABI it was built against
# The plugins depend on the rapport package of the same version for their data. Each
# package carries /usr/share/doc/PACKAGE/copyright and changelog.gz (Debian's format,
# written here from the project version; CHANGELOG.md says what changed).
set(RAPPORT_MAINTAINER "The Rapport team <rapport-team@example.org>" CACHE STRING "Maintainer of the packages")
set(RAPPORT_RELEASE_DATE "Tue, 01 Dec 2026 00:00:00 +0000" CACHE STRING "Date of this version's changelog entry (RFC 5322)")

set(_packages cli rapport codeblocks codeblocks-plugin-rapport geany geany-plugin-rapport)
set(_doc_dir ${PROJECT_BINARY_DIR}/packaging)
while(_packages)
  list(POP_FRONT _packages _component _package)
  file(MAKE_DIRECTORY ${_doc_dir}/${_package})
  file(WRITE ${_doc_dir}/${_package}/changelog
"${_package} (${PROJECT_VERSION}) unstable; urgency=medium

  * Release ${PROJECT_VERSION}: see /usr/share/doc/rapport/CHANGELOG.md.

 -- ${RAPPORT_MAINTAINER}  ${RAPPORT_RELEASE_DATE}
")
  execute_process(COMMAND gzip -9nf ${_doc_dir}/${_package}/changelog)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${_doc_dir}/${_package}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${_package} COMPONENT ${_component})
endwhile()
install(FILES ${PROJECT_SOURCE_DIR}/docs/cli.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/rapport COMPONENT cli)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Rapport team")
set(CPACK_PACKAGE_CONTACT "${RAPPORT_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME rapport)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_CLI_DESCRIPTION
"client-expectation checklists and progress reports for documents
Rapport keeps a checklist of what a client expects beside each document
(a brief, a specification) and makes progress reports for the client from
it, in English, Russian, Turkish or Simplified Chinese.
.
This package has the rapport command-line tool, the bundled checklist
templates and the translations used by the editor plugins.")

if(RAPPORT_BUILD_PLUGIN)
  list(APPEND CPACK_COMPONENTS_ALL codeblocks geany)
  # The exact Code::Blocks the plugin was built for: a host of another version skips it.
  execute_process(COMMAND dpkg-query -W -f=\${Version} codeblocks OUTPUT_VARIABLE _cb_version ERROR_QUIET)
  execute_process(COMMAND dpkg-query -W -f=\${Provides} geany OUTPUT_VARIABLE _geany_provides ERROR_QUIET)
  string(REGEX MATCH "geany-abi-[0-9]+" _geany_abi "${_geany_provides}")
  set(CPACK_DEBIAN_CODEBLOCKS_PACKAGE_NAME codeblocks-plugin-rapport)
  set(CPACK_DEBIAN_CODEBLOCKS_PACKAGE_SECTION editors)
  set(CPACK_DEBIAN_CODEBLOCKS_PACKAGE_DEPENDS "rapport (= ${PROJECT_VERSION})")
  if(_cb_version)
    string(APPEND CPACK_DEBIAN_CODEBLOCKS_PACKAGE_DEPENDS ", codeblocks (= ${_cb_version})")
  endif()
  set(CPACK_COMPONENT_CODEBLOCKS_DESCRIPTION
"Rapport sidebar for Code::Blocks
Rapport keeps a checklist of what a client expects beside each document
and makes progress reports for the client from it. This plugin shows the
checklist of the open document in the sidebar of Code::Blocks.")
  set(CPACK_DEBIAN_GEANY_PACKAGE_NAME geany-plugin-rapport)
  set(CPACK_DEBIAN_GEANY_PACKAGE_SECTION editors)
  set(CPACK_DEBIAN_GEANY_PACKAGE_DEPENDS "rapport (= ${PROJECT_VERSION})")
  if(_geany_abi)
    string(APPEND CPACK_DEBIAN_GEANY_PACKAGE_DEPENDS ", ${_geany_abi}")
  endif()
  set(CPACK_COMPONENT_GEANY_DESCRIPTION
"Rapport sidebar for Geany
Rapport keeps a checklist of what a client expects beside each document
and makes progress reports for the client from it. This plugin shows the
checklist of the open document as a page of the sidebar of Geany.")
endif()

include(CPack)
