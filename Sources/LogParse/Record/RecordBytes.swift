/// A growable run of bytes: the file name and message the record assembler copies a record into.
///
/// Appending to an `Array` costs a uniqueness test, a capacity test and a generic copy per call,
/// and emptying one keeps or drops its capacity through the same machinery; here an append in the
/// steady state is one `memcpy`. Copies share the storage until one of them changes it.
struct RecordBytes {
  private final class Storage {
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
      self.capacity = max(capacity, 16)
      bytes = .allocate(capacity: self.capacity)
    }

    deinit { bytes.deallocate() }
  }

  /// The capacity a buffer starts with, and returns to when emptied without keeping its capacity.
  private static let initialCapacity = 256
  private var storage = Storage(capacity: initialCapacity)

  /// How many bytes it holds.
  var count: Int { storage.count }
  /// How many bytes it can hold before it grows.
  var capacity: Int { storage.capacity }

  /// Makes the storage unique and able to take `extra` more bytes.
  private mutating func reserve(_ extra: Int) {
    let needed = storage.count + extra
    let unique = isKnownUniquelyReferenced(&storage)
    guard !unique || needed > storage.capacity else { return }
    let grown = Storage(capacity: needed > storage.capacity ? max(needed, 2 * storage.capacity) : storage.capacity)
    grown.bytes.initialize(from: storage.bytes, count: storage.count)
    grown.count = storage.count
    storage = grown
  }

  /// Appends one byte.
  mutating func append(_ byte: UInt8) {
    reserve(1)
    storage.bytes[storage.count] = byte
    storage.count += 1
  }

  /// Appends the bytes of `bytes`.
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    reserve(bytes.count)
    (storage.bytes + storage.count).initialize(from: base, count: bytes.count)
    storage.count += bytes.count
  }

  /// Empties it, keeping its capacity or going back to the initial one.
  mutating func removeAll(keepingCapacity: Bool) {
    if keepingCapacity, isKnownUniquelyReferenced(&storage) {
      storage.count = 0
    } else {
      storage = Storage(capacity: keepingCapacity ? storage.capacity : Self.initialCapacity)
    }
  }

  /// Calls `body` with the bytes held (valid only during the call).
  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.bytes, count: storage.count)) }
  }
}

@available(*, unavailable)
extension RecordBytes: Sendable {}
