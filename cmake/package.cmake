# Installation and the Debian package (scripts/package.sh builds it):
# /usr/bin/minutebook, the bundled archive under /usr/share/minutebook, the
# configuration in /etc/minutebook (a conffile), systemd units, and the
# maintainer scripts that make the minutebook user and /var/lib/minutebook.
include(GNUInstallDirs)

install(TARGETS minutebook RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/ DESTINATION ${CMAKE_INSTALL_DATADIR}/minutebook/corpus
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/minutebook.conf DESTINATION /etc/minutebook
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/minutebook.service ${PROJECT_SOURCE_DIR}/packaging/minutebook-index.service
              ${PROJECT_SOURCE_DIR}/packaging/minutebook-index.timer
        DESTINATION /lib/systemd/system PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

# Documentation, compressed as Debian's policy asks.
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/minutebook)
set(doc_build ${PROJECT_BINARY_DIR}/package-doc)
file(MAKE_DIRECTORY ${doc_build})
foreach(doc README.md docs/configuration.md docs/schema.md docs/scaling.md)
  get_filename_component(name ${doc} NAME)
  add_custom_command(OUTPUT ${doc_build}/${name}.gz
                     COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/${doc} > ${doc_build}/${name}.gz
                     DEPENDS ${PROJECT_SOURCE_DIR}/${doc})
  list(APPEND doc_files ${doc_build}/${name}.gz)
endforeach()
add_custom_command(OUTPUT ${doc_build}/changelog.gz
                   COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/changelog > ${doc_build}/changelog.gz
                   DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog)
list(APPEND doc_files ${doc_build}/changelog.gz)
add_custom_target(package_docs ALL DEPENDS ${doc_files} ${doc_build}/minutebook.1.gz)
add_custom_command(OUTPUT ${doc_build}/minutebook.1.gz
                   COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/minutebook.1 > ${doc_build}/minutebook.1.gz
                   DEPENDS ${PROJECT_SOURCE_DIR}/packaging/minutebook.1)
install(FILES ${doc_build}/minutebook.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES ${doc_files} ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${doc_dir}
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME minutebook)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Minutebook developers <minutebook@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "search engine and archive for the papers of council committees")
set(CPACK_PACKAGE_DESCRIPTION "Minutebook indexes a council's agenda packs, minutes, action logs and
officers' reports, published as PDF, and understands their structure:
meetings, minute items, decisions, motions and votes, actions and
officers. It serves faceted search, a JSON API, feeds and CSV over HTTP,
and indexes the configured archive every night.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://minutebook.invalid/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, tesseract-ocr-eng")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/conffiles ${PROJECT_SOURCE_DIR}/packaging/postinst
    ${PROJECT_SOURCE_DIR}/packaging/prerm ${PROJECT_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR}/..)
set(CPACK_STRIP_FILES ON)
include(CPack)
