# The sources of each library, in one place for the main build and the
# fuzzers' clang build (fuzz/CMakeLists.txt), so that neither misses a file
# the other gained.
get_filename_component(_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

set(MINUTEBOOK_CORE_SOURCES
  ${_root}/core/committees.cpp
  ${_root}/core/councils.cpp
  ${_root}/core/dates.cpp
  ${_root}/core/money.cpp
  ${_root}/core/name_words.cpp
  ${_root}/core/names.cpp
  ${_root}/core/normalise.cpp
  ${_root}/core/passage.cpp
  ${_root}/core/sizes.cpp
)

# Structure recognition, passages and the writer: no Poppler or tesseract.
set(MINUTEBOOK_STRUCTURE_SOURCES
  ${_root}/indexer/passages.cpp
  ${_root}/indexer/text_stream.cpp
  ${_root}/indexer/minutes.cpp
  ${_root}/indexer/bullets.cpp
  ${_root}/indexer/resolutions.cpp
  ${_root}/indexer/decisions.cpp
  ${_root}/indexer/motions.cpp
  ${_root}/indexer/minute_sequence.cpp
  ${_root}/indexer/minutes_header.cpp
  ${_root}/indexer/attendance.cpp
  ${_root}/indexer/actions.cpp
  ${_root}/indexer/reports.cpp
  ${_root}/indexer/structure.cpp
  ${_root}/indexer/structure_json.cpp
  ${_root}/indexer/writer.cpp
  ${_root}/indexer/passage_terms.cpp
  ${_root}/indexer/acronyms.cpp
  ${_root}/indexer/vocabulary.cpp
)

# Reading PDFs and indexing runs.
set(MINUTEBOOK_READING_SOURCES
  ${_root}/indexer/extract.cpp
  ${_root}/indexer/language.cpp
  ${_root}/indexer/ocr.cpp
  ${_root}/indexer/ledger.cpp
  ${_root}/indexer/stats.cpp
  ${_root}/indexer/check.cpp
  ${_root}/indexer/indexer.cpp
  ${_root}/indexer/isolated.cpp
)

set(MINUTEBOOK_QUERY_SOURCES
  ${_root}/query/archive.cpp
  ${_root}/query/search.cpp
  ${_root}/query/query_builder.cpp
  ${_root}/query/snippet.cpp
  ${_root}/query/minute_ref.cpp
  ${_root}/query/citation.cpp
)
