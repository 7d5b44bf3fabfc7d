#pragma once
// Compact binary encoding of an event's properties and related refs, as stored in the event
// log's BLOB columns. Chosen over JSON because replay decodes every event: this format decodes
// with one pass and no escaping (docs/event-schema.md, "Encoding").
//
//   properties := varint(count) { varint(len) key-bytes varint(len) value-bytes }*
//   refs       := varint(count) { varint(len) source-bytes kind-byte varint(len) id-bytes }*
//
// varint is unsigned LEB128. Thread-safe (pure functions).

#include <string>
#include <string_view>
#include <vector>

#include "store/event.h"

namespace revarch::codec {

/// Appends the encoding of `props` to `out`.
void encode_properties(const Properties& props, std::string& out);
/// Appends the encoding of `refs` to `out`.
void encode_refs(const std::vector<SourceRef>& refs, std::string& out);

/// Decodes into `props`, reusing its elements' storage. false when `bytes` is malformed.
bool decode_properties(std::string_view bytes, Properties& props);
/// Decodes into `refs`, reusing its elements' storage. false when `bytes` is malformed.
bool decode_refs(std::string_view bytes, std::vector<SourceRef>& refs);

}  // namespace revarch::codec
