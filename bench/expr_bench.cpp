// Expression evaluation speed: a typical five-clause qualification criterion evaluated over 10
// million synthetic contacts held in memory, by the compiled Program through an Activation and
// by the same criterion hand-written as a C++ lambda. Prints evaluations/s and the ratio.
//   expr_bench [CONTACTS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "expr/expr.h"

namespace {

using namespace revarch::expr;

struct Contact {
  std::string title;
  std::string country;
  int64_t employees = 0;
  double engagement = 0;
  int64_t created_at_ms = 0;
  int64_t direct_inquiry_90d = 0;  // what signals.count("direct_inquiry", 90d) answers
};

constexpr const char* kCriterion =
    "account.employees >= 300 && contact.country == \"JP\" && score.engagement >= 40.0 && "
    "contact.title in [\"部長\", \"本部長\", \"取締役\"] && "
    "signals.count(\"direct_inquiry\", 90d) >= 1";

struct Slots {
  FieldSlot title, country, employees, engagement, created_at;
  FunctionSlot signals_count;
};

Schema make_schema(Slots& s) {
  Schema schema;
  s.title = schema.add_field("contact.title", Type::of(TypeKind::kString));
  s.country = schema.add_field("contact.country", Type::of(TypeKind::kString));
  s.employees = schema.add_field("account.employees", Type::of(TypeKind::kInt));
  s.engagement = schema.add_field("score.engagement", Type::of(TypeKind::kDouble));
  s.created_at = schema.add_field("contact.created_at", Type::of(TypeKind::kTimestamp));
  s.signals_count = schema.add_function(
      "signals.count", {Type::of(TypeKind::kString), Type::of(TypeKind::kDuration)},
      Type::of(TypeKind::kInt));
  return schema;
}

class ContactActivation final : public Activation {
 public:
  explicit ContactActivation(const Slots& slots) : slots_(slots) {}
  const Contact* contact = nullptr;

  Value field(FieldSlot slot) const override {
    if (slot == slots_.employees) return contact->employees;
    if (slot == slots_.country) return std::string_view(contact->country);
    if (slot == slots_.engagement) return contact->engagement;
    if (slot == slots_.title) return std::string_view(contact->title);
    if (slot == slots_.created_at) return Timestamp{contact->created_at_ms};
    return {};
  }
  Value call(FunctionSlot fn, std::span<const Value> args) const override {
    if (fn == slots_.signals_count && args[0].as_string() == "direct_inquiry" &&
        args[1].as_duration().ms == 90LL * 86'400'000)
      return contact->direct_inquiry_90d;
    return int64_t{0};
  }

 private:
  const Slots& slots_;
};

std::vector<Contact> make_contacts(size_t n) {
  static const char* kTitles[] = {"部長", "本部長", "取締役",  "課長",
                                  "主任", "担当",   "Manager", "VP"};
  static const char* kCountries[] = {"JP", "JP", "JP", "US", "SG", "KR"};
  std::mt19937_64 rng(42);
  std::vector<Contact> out(n);
  for (auto& c : out) {
    c.title = kTitles[rng() % 8];
    c.country = kCountries[rng() % 6];
    c.employees = static_cast<int64_t>(rng() % 5000);
    c.engagement = static_cast<double>(rng() % 10000) / 100.0;
    c.created_at_ms = 1'700'000'000'000 + static_cast<int64_t>(rng() % 10'000'000'000ULL);
    c.direct_inquiry_90d = static_cast<int64_t>(rng() % 3);
  }
  return out;
}

template <typename F>
double best_seconds(F&& run, size_t& matches) {
  double best = 1e30;
  for (int rep = 0; rep < 3; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    matches = run();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s < best) best = s;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
  Slots slots{};
  Schema schema = make_schema(slots);
  auto compiled = compile(kCriterion, schema, CompileOptions{});
  if (!compiled.is_ok()) {
    std::fprintf(stderr, "compile failed: %s\n", compiled.status().to_string().c_str());
    return 2;
  }
  const Program& program = *compiled;
  std::printf("criterion: %s\ncontacts: %zu (building...)\n", kCriterion, n);
  std::vector<Contact> contacts = make_contacts(n);

  auto hand_written = [](const Contact& c) {
    return c.employees >= 300 && c.country == "JP" && c.engagement >= 40.0 &&
           (c.title == "部長" || c.title == "本部長" || c.title == "取締役") &&
           c.direct_inquiry_90d >= 1;
  };
  size_t hand_matches = 0, expr_matches = 0;
  double hand_s = best_seconds(
      [&] {
        size_t m = 0;
        for (const auto& c : contacts) m += hand_written(c);
        return m;
      },
      hand_matches);
  ContactActivation act(slots);
  double expr_s = best_seconds(
      [&] {
        size_t m = 0;
        for (const auto& c : contacts) {
          act.contact = &c;
          m += program.eval_bool(act);
        }
        return m;
      },
      expr_matches);
  if (hand_matches != expr_matches) {
    std::fprintf(stderr, "mismatch: hand-written %zu, compiled %zu\n", hand_matches, expr_matches);
    return 1;
  }
  double hand_rate = static_cast<double>(n) / hand_s;
  double expr_rate = static_cast<double>(n) / expr_s;
  std::printf("matches: %zu of %zu\n", expr_matches, n);
  std::printf("hand-written lambda: %.1f M evaluations/s (%.2f ns each)\n", hand_rate / 1e6,
              hand_s * 1e9 / static_cast<double>(n));
  std::printf("compiled Program:    %.1f M evaluations/s (%.2f ns each)\n", expr_rate / 1e6,
              expr_s * 1e9 / static_cast<double>(n));
  std::printf("ratio (compiled time / hand-written time): %.2fx\n", expr_s / hand_s);
  return 0;
}
