#include "expr/schema.h"

#include <cassert>

namespace revarch::expr {

FieldSlot Schema::add_field(std::string path, Type type, std::string doc) {
  auto slot = static_cast<FieldSlot>(fields_.size());
  [[maybe_unused]] bool inserted = field_index_.emplace(path, fields_.size()).second;
  assert(inserted && "field declared twice");
  fields_.push_back({std::move(path), type, slot, std::move(doc)});
  return slot;
}

FunctionSlot Schema::add_function(std::string name, std::vector<Type> params, Type result,
                                  std::string doc) {
  auto slot = static_cast<FunctionSlot>(functions_.size());
  [[maybe_unused]] bool inserted = function_index_.emplace(name, functions_.size()).second;
  assert(inserted && "function declared twice");
  functions_.push_back({std::move(name), std::move(params), result, slot, std::move(doc)});
  return slot;
}

const FieldDecl* Schema::find_field(std::string_view path) const {
  auto it = field_index_.find(std::string(path));
  return it == field_index_.end() ? nullptr : &fields_[it->second];
}

const FunctionDecl* Schema::find_function(std::string_view name) const {
  auto it = function_index_.find(std::string(name));
  return it == function_index_.end() ? nullptr : &functions_[it->second];
}

bool Schema::has_namespace(std::string_view prefix) const {
  for (const auto& f : fields_) {
    if (f.path.size() > prefix.size() && f.path.compare(0, prefix.size(), prefix) == 0 &&
        f.path[prefix.size()] == '.')
      return true;
  }
  return false;
}

std::vector<std::string> Schema::field_paths() const {
  std::vector<std::string> out;
  out.reserve(fields_.size());
  for (const auto& f : fields_) out.push_back(f.path);
  return out;
}

}  // namespace revarch::expr
