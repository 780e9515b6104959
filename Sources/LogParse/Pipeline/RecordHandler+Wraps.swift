/// Rejoining what wraps cut, and taking in lines that lost their header.
extension RecordHandler {
  /// How a record's line and the pieces a wrap cut from it are put back together.
  enum WrapJoin: CaseIterable {
    /// As they are: a cut at a fixed width, mid-token, or one that kept the space.
    case asIs
    /// Leading and trailing blanks dropped, joined by a space: a wrap at a space that ate it.
    case spaced
    /// The indentation every piece shares dropped, joined directly: a fixed-width cut, indented.
    case trimmed
    /// Leading and trailing blanks dropped, joined directly after a `-` or `/` (a break inside a
    /// name or URL) and by a space otherwise: a wrap at spaces and hyphens.
    case natural
  }

  /// Handles a record from the assembler; returns what the assembler needs to count it.
  ///
  /// A record without a header (``Record/isHeaderless``) is taken when the catalogue recognises it
  /// or, after other records, it reads as an error (1), else refused (0). A record with a header that the catalogue
  /// does not recognise takes the lines after its first (continuation lines, then held pieces,
  /// ``Record/wrapped``) as pieces of that line while the joined text is what the catalogue
  /// recognises: pieces are added one by one, in each ``WrapJoin`` manner; once a join is
  /// recognised, a held piece that is a recognised message by itself ends the search, and the longest join of the first run of
  /// recognised joins wins. A record recognised by itself only takes held pieces that look cut
  /// at one width (``Record/widthWrappedLines``), so that it does not swallow the lines after it.
  /// Returns how many held pieces it took; the rest are offered as records of their own.
  mutating func handleJoiningWraps<Receiver: EventReceiver>(_ record: Record, _ events: inout Receiver) -> Int {
    if record.isHeaderless {
      guard
        extractor.extract(record) != nil || (record.followsRecords && RecordHandler.readsAsError(record.message))
      else { return 0 }
      handle(record, &events)
      return 1
    }
    guard record.wrappedLines > 0 || record.lineCount > 1 else {
      handle(record, &events)
      return 0
    }
    var alone = record
    alone.wrapped = UnsafeBufferPointer(start: nil, count: 0)
    alone.wrappedLines = 0
    let lines = record.message.split(separator: 0x0A, omittingEmptySubsequences: false)
    // Continuation lines cut at one width are pieces of the first line, recognised alone or not.
    let recognizedAlone =
      !RecordHandler.isCutAtOneWidth(record, lines.dropFirst()) && extractor.extract(alone) != nil
    let wraps = record.wrapped.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(record.wrappedLines)
    if recognizedAlone {
      // A record recognised by itself keeps its lines, except those that look like pieces of a
      // wrap of the line before, and takes only held pieces that look so too.
      var widthPieces: [Slice<UnsafeBufferPointer<UInt8>>] = []
      for (index, piece) in wraps.enumerated() {
        // Pieces that look cut at one width, then the lines CAS continues a record with.
        if index >= record.widthWrappedLines, !RecordHandler.isOwnLine(piece) { break }
        if startsMessage(UnsafeBufferPointer(rebasing: piece), record) { break }
        widthPieces.append(piece)
      }
      if record.wrapLikeContinuationLines != 0 || !widthPieces.isEmpty {
        for join in RecordHandler.joinOrder(record, lines.dropFirst() + widthPieces) {
          let rebuilt = RecordHandler.rebuild(record, lines, widthPieces, join)
          let taken = rebuilt.withUnsafeBufferPointer { message -> Bool in
            var candidate = alone
            candidate.message = message
            candidate.lineCount += widthPieces.count
            guard extractor.extract(candidate) != nil else { return false }
            handle(candidate, &events)
            return true
          }
          if taken { return widthPieces.count }
        }
      }
      handle(alone, &events)
      return 0
    }
    // Any other record tries every following line as a piece of its first.
    let head = UnsafeBufferPointer(rebasing: lines[0])
    var pieces = Array(lines.dropFirst()) + Array(wraps)
    let continuation = lines.count - 1
    pieces = Array(pieces.prefix(RecordAssembler.maximumWrapPieces))
    var best: (count: Int, join: WrapJoin)?
    var joinedBytes = head.count
    for count in stride(from: 1, through: pieces.count, by: 1) {
      let piece = UnsafeBufferPointer(rebasing: pieces[count - 1])
      joinedBytes += piece.count
      if joinedBytes > RecordAssembler.maximumWrapBytes * 2 { break }
      if count > continuation, best != nil, startsMessage(piece, record) { break }
      var recognized: WrapJoin?
      for join in RecordHandler.joinOrder(record, pieces[0..<count]) where recognized == nil {
        if joinRecognized(record, head, pieces[0..<count], join) { recognized = join }
      }
      if let recognized {
        best = (count, recognized)
      } else if best != nil {
        break
      }
    }
    guard let best else {
      handle(alone, &events)
      return 0
    }
    var joined = RecordHandler.join(head, pieces[0..<best.count], best.join)
    // Continuation lines after the pieces taken stay lines of the message.
    for line in lines.dropFirst(1 + best.count) {
      joined.append(0x0A)
      joined.append(contentsOf: line)
    }
    let taken = max(0, best.count - continuation)
    joined.withUnsafeBufferPointer { message in
      var candidate = alone
      candidate.message = message
      candidate.lineCount += taken
      handle(candidate, &events)
    }
    return taken
  }

  /// Whether `piece`, by itself, is a message the catalogue recognises (so it starts a record).
  private mutating func startsMessage(_ piece: UnsafeBufferPointer<UInt8>, _ record: Record) -> Bool {
    var alone = record
    alone.message = piece
    alone.wrapped = UnsafeBufferPointer(start: nil, count: 0)
    alone.wrappedLines = 0
    return extractor.extract(alone) != nil
  }

  /// Whether `head` joined with `pieces` in the manner `join` is recognised as `record`'s message.
  private mutating func joinRecognized(
    _ record: Record, _ head: UnsafeBufferPointer<UInt8>, _ pieces: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>,
    _ join: WrapJoin
  ) -> Bool {
    let joined = RecordHandler.join(head, pieces, join)
    return joined.withUnsafeBufferPointer { message in
      var candidate = record
      candidate.message = message
      candidate.wrapped = UnsafeBufferPointer(start: nil, count: 0)
      candidate.wrappedLines = 0
      return extractor.extract(candidate) != nil
    }
  }

  /// The manners of joining to try, most likely first.
  ///
  /// Pieces cut at one width (every line but the last as long as the others, and within an
  /// indentation of the record's first line) were cut mid-token: joined directly. Others were
  /// wrapped at spaces: joined by a space, except inside a hyphenated name or a URL. Pieces that
  /// all start with a blank are indented by the wrap: never joined as they are.
  static func joinOrder(_ record: Record, _ pieces: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>) -> [WrapJoin] {
    let indented = pieces.allSatisfy { $0.first == 0x20 || isOwnLine($0) }
    switch (isCutAtOneWidth(record, pieces), indented) {
    case (true, true): return [.trimmed, .natural, .spaced]
    case (true, false): return [.asIs, .natural, .spaced]
    case (false, true): return [.natural, .spaced, .trimmed]
    case (false, false): return [.natural, .spaced, .asIs]
    }
  }

  /// The record's lines with each line that looks like a piece of a wrap (``Record/wrapLikeContinuationLines``)
  /// joined to the line before, and `widthPieces` joined to the last; the other lines stay lines.
  static func rebuild(
    _ record: Record, _ lines: [Slice<UnsafeBufferPointer<UInt8>>], _ widthPieces: [Slice<UnsafeBufferPointer<UInt8>>],
    _ join: WrapJoin
  ) -> [UInt8] {
    var groups: [[Slice<UnsafeBufferPointer<UInt8>>]] = []
    for (index, line) in lines.enumerated() {
      let wrapLike = index > 0 && index <= 64 && record.wrapLikeContinuationLines & (1 << UInt64(index - 1)) != 0
      if wrapLike, !groups.isEmpty {
        groups[groups.count - 1].append(line)
      } else {
        groups.append([line])
      }
    }
    if !widthPieces.isEmpty { groups[groups.count - 1] += widthPieces }
    var message: [UInt8] = []
    for group in groups {
      if !message.isEmpty { message.append(0x0A) }
      message += RecordHandler.join(UnsafeBufferPointer(rebasing: group[0]), group.dropFirst(), join)
    }
    return message
  }

  /// Whether `pieces` look cut at one width: at least two, every one but the last as long as the
  /// others and within an indentation (8 bytes) of the record's first line.
  ///
  /// A single piece looks cut at one width when the first line, with or without its prefix, is as
  /// long as a common terminal is wide (80, 100, 120, 132, 160 or 200 columns).
  static func isCutAtOneWidth(_ record: Record, _ pieces: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>) -> Bool {
    // Lines of their own (`\tstatus code: …`) are no pieces; the piece before one may be short.
    let own = pieces.map(isOwnLine)
    let wraps = pieces.indices.filter { !own[$0 - pieces.startIndex] }
    guard let first = wraps.first else { return false }
    if wraps.count == 1 {
      // The terminal cut the line as pasted (with its prefix), or the text inside a box with some
      // of the indentation before it.
      return terminalWidths.contains(record.firstLineLength + record.firstLinePrefixLength)
        || (0...record.firstLinePrefixIndent).contains { terminalWidths.contains(record.firstLineLength + $0) }
    }
    let width = pieces[first].count
    guard abs(width - record.firstLineLength) <= 8 else { return false }
    return wraps.allSatisfy { index in
      let ends = index == pieces.endIndex - 1 || own[index + 1 - pieces.startIndex]
      return ends || pieces[index].count == width
    }
  }

  /// Common terminal widths.
  private static let terminalWidths: Set<Int> = [80, 100, 120, 132, 160, 200]

  /// `head` and `pieces` joined in the manner `join`.
  static func join(
    _ head: UnsafeBufferPointer<UInt8>, _ pieces: ArraySlice<Slice<UnsafeBufferPointer<UInt8>>>, _ join: WrapJoin
  ) -> [UInt8] {
    func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    // A fixed-width cut keeps the text's own blanks: only the indentation all pieces share goes.
    let indentation =
      join == .trimmed ? pieces.filter { !isOwnLine($0) }.map { $0.prefix(while: isBlank).count }.min() ?? 0 : 0
    var joined = Array(head)
    for piece in pieces {
      var slice = piece[...]
      // A line a CAS record continues itself with stays a line of its own.
      if isOwnLine(piece) {
        joined.append(0x0A)
        joined.append(contentsOf: slice)
        continue
      }
      switch join {
      case .asIs:
        break
      case .trimmed:
        slice = slice.dropFirst(indentation)
      case .spaced, .natural:
        while let last = joined.last, isBlank(last) { joined.removeLast() }
        while let first = slice.first, isBlank(first) { slice = slice.dropFirst() }
        let breaksInsideWord = joined.last == UInt8(ascii: "-") || joined.last == UInt8(ascii: "/")
        if !joined.isEmpty, join == .spaced || !breaksInsideWord { joined.append(0x20) }
      }
      joined.append(contentsOf: slice)
    }
    return joined
  }

  /// Whether `piece` is a line CAS continues a record with (`caused by:`, `status code:`,
  /// tab-indented), never a piece of a wrap.
  static func isOwnLine(_ piece: Slice<UnsafeBufferPointer<UInt8>>) -> Bool { RecordAssembler.isOwnLine(piece) }

  /// Whether a message without a header reads as an error (so it is a record even unrecognised).
  static func readsAsError(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
    errorWords.contains { ByteSearch.contains(message, $0) }
  }

  /// Words that make a line without a header read as an error.
  private static let errorWords = ["error", "Error", "ERROR", "failed", "Failed", "denied", "Denied", "panic:"].map {
    Array($0.utf8)
  }
}
