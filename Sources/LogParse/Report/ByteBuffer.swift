/// A growable run of bytes in memory it owns: an append is a copy and a count, without the
/// uniqueness and capacity bookkeeping an `Array` does for each one.
///
/// Not copyable, so that the memory has one owner, which frees it.
struct ByteBuffer: ~Copyable {
  /// The first byte.
  private var base: UnsafeMutablePointer<UInt8>
  /// How many bytes are written.
  private(set) var count = 0
  /// How many bytes fit before the memory grows.
  private var capacity: Int

  /// An empty buffer with room for `capacity` bytes (at least one).
  init(capacity: Int) {
    self.capacity = max(1, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(toHold: 1) }
    base[count] = byte
    count &+= 1
  }

  /// Appends the bytes of `bytes`.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    append(raw: UnsafeRawBufferPointer(bytes))
  }

  /// Appends the bytes of `bytes`, memory of any type.
  @inline(__always)
  mutating func append(raw bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if bytes.count > capacity &- count { grow(toHold: bytes.count) }
    UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
    count &+= bytes.count
  }

  /// Appends the UTF-8 of a literal.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  /// Appends `count` blanks.
  @inline(__always)
  mutating func appendBlanks(_ count: Int) {
    guard count > 0 else { return }
    if count > capacity &- self.count { grow(toHold: count) }
    (base + self.count).update(repeating: 0x20, count: count)
    self.count &+= count
  }

  /// Forgets the bytes written, keeping the memory.
  mutating func removeAll() { count = 0 }

  /// The bytes written, as text (invalid UTF-8 repaired).
  var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// Makes room for `extra` more bytes: at least twice the room, so appends stay amortized O(1).
  @inline(never)
  private mutating func grow(toHold extra: Int) {
    let (needed, overflow) = count.addingReportingOverflow(extra)
    precondition(!overflow, "byte buffer size overflow")
    let newCapacity = max(needed, capacity > Int.max / 2 ? Int.max : capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.moveInitialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
