# cmake -DINPUT=<csv> -DOUTPUT=<cpp> -DSYMBOL=<name> -P embed_csv.cmake
# Writes a C++ file defining `std::string_view revarch::calendar::internal::<SYMBOL>` holding the
# text of INPUT (a UTF-8 file without the sequence `)csv"`).
file(READ "${INPUT}" content)
string(REPLACE "\r" "" content "${content}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_csv.cmake; do not edit.\n"
  "#include <string_view>\n\n"
  "namespace revarch::calendar::internal {\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL} = R\"csv(${content})csv\";\n"
  "}  // namespace revarch::calendar::internal\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
