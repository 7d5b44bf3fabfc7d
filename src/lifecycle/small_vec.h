#pragma once
// Internal to the lifecycle layer: a vector of trivially copyable values that keeps up to N of
// them inline and spills to the heap beyond. A prepared event's related entities (usually 1-3)
// and fired signals (usually 0-2) fit inline, which saves two heap blocks per event of the log.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>

namespace revarch::lifecycle {

template <typename T, uint32_t N>
class SmallVec {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  SmallVec() = default;
  SmallVec(const SmallVec& o) { assign(o); }
  SmallVec& operator=(const SmallVec& o) {
    if (this != &o) {
      size_ = 0;
      assign(o);
    }
    return *this;
  }
  SmallVec(SmallVec&& o) noexcept { take(o); }
  SmallVec& operator=(SmallVec&& o) noexcept {
    if (this != &o) {
      release();
      take(o);
    }
    return *this;
  }
  ~SmallVec() { release(); }

  void push_back(T v) {
    if (size_ == cap_) grow();
    data()[size_++] = v;
  }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T operator[](uint32_t i) const { return data()[i]; }

 private:
  bool on_heap() const { return cap_ > N; }
  T* data() { return on_heap() ? heap_ : inline_; }
  const T* data() const { return on_heap() ? heap_ : inline_; }
  void grow() {
    uint32_t cap = cap_ * 2;
    T* heap = new T[cap];
    std::memcpy(heap, data(), size_ * sizeof(T));
    release();
    heap_ = heap;
    cap_ = cap;
  }
  void release() {
    if (on_heap()) delete[] heap_;
    cap_ = N;
  }
  void assign(const SmallVec& o) {
    for (const T& v : o) push_back(v);
  }
  void take(SmallVec& o) {
    size_ = o.size_;
    cap_ = o.cap_;
    if (o.on_heap()) {
      heap_ = o.heap_;
    } else {
      std::memcpy(inline_, o.inline_, size_ * sizeof(T));
    }
    o.size_ = 0;
    o.cap_ = N;
  }

  uint32_t size_ = 0;
  uint32_t cap_ = N;
  union {
    T inline_[N];
    T* heap_;
  };
};

}  // namespace revarch::lifecycle
