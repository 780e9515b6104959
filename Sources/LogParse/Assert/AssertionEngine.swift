/// Decides `cas-logs assert` incrementally: records and reports in, a verdict as soon as one is certain.
///
/// On a live stream the caller stops reading when ``isDecided`` turns true: every expectation is
/// met (exit 0), or a prohibition matched (exit 1). Otherwise the verdict is taken at end of input
/// or at the timeout.
public struct AssertionEngine {
  private let assertions: [Assertion]
  private var lineMatchers: [Matcher?]
  private var firstLineMatch: [LineMatch?]
  private var nearestLine: [LineMatch?]
  private let keywords: [[UInt8]?]
  private var expressionMatches: [[MatchedItem]]
  /// For an expression with no match: items of the same subject, the nearest thing found instead.
  private var nearestItems: [[MatchedItem]]
  private var satisfiedAt: [LogTime?]
  /// Records on which a line pattern hit a PCRE2 limit (match or depth, JIT stack) before it
  /// matched one: PCRE2 could not tell whether they match, so they never count as no match.
  private var patternLimitHits: [Int]
  /// The first of those records, to point at.
  private var firstLimitHit: [LineMatch?]
  /// Records on which a built-in catalogue pattern hit a PCRE2 limit (``Report/patternErrors``):
  /// each may carry an event the report lacks, so every expression may be missing items.
  private var catalogueLimitHits = 0

  /// Where a line pattern matched.
  struct LineMatch {
    var source: Int
    var line: Int
    var time: LogTime
    var text: String
  }

  /// An engine for `assertions`, in the order given.
  public init(assertions: [Assertion]) {
    self.assertions = assertions
    lineMatchers = assertions.map {
      if case .line(let pattern) = $0.target { return Matcher(pattern) }
      return nil
    }
    keywords = assertions.map {
      if case .line(let pattern) = $0.target { return AssertionEngine.keyword(of: pattern.source) }
      return nil
    }
    firstLineMatch = Array(repeating: nil, count: assertions.count)
    nearestLine = Array(repeating: nil, count: assertions.count)
    expressionMatches = Array(repeating: [], count: assertions.count)
    nearestItems = Array(repeating: [], count: assertions.count)
    satisfiedAt = Array(repeating: nil, count: assertions.count)
    patternLimitHits = Array(repeating: 0, count: assertions.count)
    firstLimitHit = Array(repeating: nil, count: assertions.count)
  }

  /// Whether any assertion needs the report (so the caller knows to evaluate it).
  var hasExpressions: Bool {
    assertions.contains { if case .expression = $0.target { return true } else { return false } }
  }

  /// Tests every line assertion against one record.
  mutating func observe(_ record: Record) {
    for index in assertions.indices {
      guard let matcher = lineMatchers[index], firstLineMatch[index] == nil else { continue }
      var hitLimit = false
      let matched = matcher.matchesSafely(record.message) { _ in hitLimit = true }
      if hitLimit {
        patternLimitHits[index] += 1
        if firstLimitHit[index] == nil {
          firstLimitHit[index] = LineMatch(
            source: record.source, line: record.firstLine, time: record.time,
            text: String(decoding: record.headline, as: UTF8.self))
        }
      }
      if matched {
        let match = LineMatch(
          source: record.source, line: record.firstLine, time: record.time,
          text: String(decoding: record.headline, as: UTF8.self))
        firstLineMatch[index] = match
        if satisfiedAt[index] == nil { satisfiedAt[index] = record.time }
      } else if let keyword = keywords[index], ByteSearch.contains(record.headline, keyword) {
        nearestLine[index] = LineMatch(
          source: record.source, line: record.firstLine, time: record.time,
          text: String(decoding: record.headline, as: UTF8.self))
      }
    }
  }

  /// Re-evaluates the expression assertions against the report so far.
  public mutating func evaluate(_ report: Report) {
    catalogueLimitHits = report.patternErrors
    for (index, assertion) in assertions.enumerated() {
      guard case .expression(let expression) = assertion.target else { continue }
      var matches = ExpectationMatcher.matches(expression, in: report)
      // Items a `~=` pattern gave up on match only leniently: they are the ones that may match.
      let hasPattern = expression.conditions.contains { $0.op == .matches }
      var possible = hasPattern ? ExpectationMatcher.matches(expression, in: report, lenient: true) : matches
      if let after = assertion.after {
        guard let start = satisfiedAt[after] else {
          expressionMatches[index] = []
          patternLimitHits[index] = 0
          continue
        }
        matches = matches.filter { ($0.time.map { !($0 < start) }) ?? false }
        possible = possible.filter { ($0.time.map { !($0 < start) }) ?? false }
      }
      expressionMatches[index] = matches
      patternLimitHits[index] = max(0, possible.count - matches.count)
      nearestItems[index] = matches.isEmpty ? ExpectationMatcher.matches(expression.subjectOnly, in: report) : []
      if satisfiedAt[index] == nil, ExpectationMatcher.countHolds(expression, matches.count), !matches.isEmpty {
        satisfiedAt[index] = matches.compactMap(\.time).min()
      }
    }
  }

  /// Whether the verdict is already certain: every expectation met for good, or a prohibition hit.
  var isDecided: Bool { forbiddenHit != nil || allExpectationsMetForGood }

  /// The index of the first prohibition that matched, or that can no longer pass because its
  /// pattern gave up on a record (see ``isUndecided(_:)``), if any.
  var forbiddenHit: Int? {
    assertions.indices.first { assertions[$0].kind == .forbid && (holds($0) || isUndecided($0)) }
  }

  /// Whether assertion `index`'s outcome depends on what its pattern gave up on (a PCRE2 limit
  /// hit): a line pattern that matched no record but gave up on some, or an expression whose
  /// count condition would hold for some but not all of the items a `~=` pattern gave up on, or
  /// for some but not all counts of items missing when a built-in catalogue pattern gave up on
  /// records (a `--forbid` that has not matched, an unmet `--expect`, or a `count<=N` that holds).
  ///
  /// Such an expectation is not met and its evidence is insufficient (exit 3, unless something
  /// else failed); such a prohibition fails (exit 1): a gate must not pass on what it could not check.
  private func isUndecided(_ index: Int) -> Bool {
    switch assertions[index].target {
    case .line: return patternLimitHits[index] > 0 && firstLineMatch[index] == nil
    case .expression(let expression):
      let sure = expressionMatches[index].count
      // The records a built-in pattern gave up on may carry any number of missing items.
      let most = catalogueLimitHits > 0 ? Int.max : sure + patternLimitHits[index]
      return ExpectationMatcher.countVaries(expression, from: sure, to: most)
    }
  }

  private var allExpectationsMetForGood: Bool {
    let expectations = assertions.indices.filter { assertions[$0].kind == .expect }
    guard !expectations.isEmpty else { return false }
    return expectations.allSatisfy { index in
      guard holds(index) else { return false }
      if case .expression(let expression) = assertions[index].target {
        // Only counts that can no longer become false are final before the end of input.
        return expression.countOperator == .greaterOrEqual || expression.countOperator == .greater
      }
      return true
    }
  }

  /// Whether more records could not change assertion `index`'s outcome: a line pattern that
  /// matched, or an expression whose count condition gives the same answer for every larger count.
  private func isFinal(_ index: Int) -> Bool {
    switch assertions[index].target {
    case .line: return firstLineMatch[index] != nil
    case .expression(let expression):
      return !ExpectationMatcher.countVaries(
        expression, from: expressionMatches[index].count, to: CountValue.maximum + 1)
    }
  }

  /// Whether assertion `index`'s condition currently holds (for a prohibition: the forbidden thing happened).
  private func holds(_ index: Int) -> Bool {
    switch assertions[index].target {
    case .line: return firstLineMatch[index] != nil
    case .expression(let expression):
      return ExpectationMatcher.countHolds(expression, expressionMatches[index].count)
    }
  }

  /// The verdict from what was seen; `timedOut` when the wait limit passed first; `inputError` when
  /// the input ended in an error (what was not read may break any result not yet final).
  public func verdict(report: Report, timedOut: Bool, inputError: String? = nil) -> AssertVerdict {
    var results: [AssertionResult] = []
    let catalogueNote = Self.catalogueLimitNote(report.patternErrors)
    for (index, assertion) in assertions.enumerated() {
      let happened = holds(index)
      let undecided = isUndecided(index)
      let passed = !undecided && (assertion.kind == .expect ? happened : !happened)
      var result = AssertionResult(
        assertion: assertion, passed: passed, detail: detail(index, report: report),
        location: location(index, report: report))
      result.patternLimitHits = patternLimitHits[index]
      result.undecided = undecided
      if undecided {
        result.missingEvidence = limitNote(index, report: report)
      } else if !passed, assertion.kind == .expect {
        result.missingEvidence = missingEvidence(index, report)
      }
      results.append(result)
    }
    // Nothing read proves nothing: neither an expectation nor a prohibition (an empty pipe from a
    // failed `kubectl logs`, a binary file, another program's log) is decided on input that was not
    // read (``InputVerdict``), nor on an input cut short (corrupt or truncated gzip), by the absence
    // of something: only what more records could not change stands (a forbidden item seen, a
    // `count>=N` reached, a line matched). A timeout that passed before any log was read proves
    // nothing either: insufficient evidence too, not a failure.
    var unreadNote: String?
    let unread = report.inputVerdict.reason != nil
    if let reason = report.inputVerdict.reason {
      let said = timedOut && report.inputVerdict == .empty ? "0 lines read before the timeout passed" : reason
      unreadNote = said + ": nothing can be proven"
    } else if inputError != nil {
      unreadNote = "the input ended in an error: what was not read may hold it"
    } else if let incomplete = report.incompleteInput {
      unreadNote = "the input could not be read to its end (\(incomplete)): the rest may hold it"
    }
    if let unreadNote {
      for index in results.indices where !results[index].undecided && !isFinal(index) {
        results[index].passed = false
        results[index].missingEvidence = unreadNote
      }
    }
    let failed = results.filter { !$0.passed }
    var exitCode: Int32 = 0
    if timedOut || !failed.isEmpty {
      // Unseeable: an unmet expectation this log cannot show, or a prohibition only input that was
      // not read could break (a prohibition that gave up on a record is not: it fails).
      let onlyUnseeable =
        (!timedOut || unread)
        && failed.allSatisfy { $0.missingEvidence != nil && ($0.assertion.kind == .expect || !$0.undecided) }
      exitCode = onlyUnseeable ? 3 : 1
    }
    // An input error is the exit code whatever the results: no output may present it as a verdict.
    if inputError != nil { exitCode = 2 }
    return AssertVerdict(
      exitCode: exitCode, results: results, timedOut: timedOut, patternLimitNote: catalogueNote, inputError: inputError)
  }

  /// What every assert output says when built-in catalogue patterns gave up on `records` records, or nil.
  static func catalogueLimitNote(_ records: Int) -> String? {
    guard records > 0 else { return nil }
    let count = records == 1 ? "1 record" : "\(records) records"
    return "\(count) hit a PCRE2 limit: events may be missing (a built-in pattern gave up on them; "
      + "they count as unrecognized, and an expression that depends on them is undecided)"
  }

  /// What a pattern that gave up on records means for assertion `index`, and what to do.
  private func limitNote(_ index: Int, report: Report) -> String {
    if case .expression = assertions[index].target, catalogueLimitHits > 0 {
      let records = catalogueLimitHits == 1 ? "1 record" : "\(catalogueLimitHits) records"
      let meaning =
        assertions[index].kind == .forbid
        ? "the forbidden item may be among them, so this prohibition fails"
        : "the expected item may be among them, so the evidence is insufficient"
      let pattern =
        patternLimitHits[index] == 0 ? "" : " (and a ~= pattern gave up on \(patternLimitHits[index]) values)"
      return "undecided: \(records) hit a PCRE2 limit: events may be missing\(pattern); \(meaning)"
    }
    let count = patternLimitHits[index]
    var records = count == 1 ? "1 record" : "\(count) records"
    var thing = "line"
    if case .expression = assertions[index].target {
      records = count == 1 ? "the value of 1 item" : "the values of \(count) items"
      thing = "count"
    }
    var firstAt = ""
    if let first = firstLimitHit[index] {
      firstAt = " (first \(report.sourceName(first.source)):\(first.line))"
    }
    let meaning =
      assertions[index].kind == .forbid
      ? "the forbidden \(thing) may be there, so this prohibition fails"
      : "the expected \(thing) may be there, so the evidence is insufficient"
    return "undecided: the pattern hit PCRE2's match limit on \(records)\(firstAt), which may match; \(meaning); "
      + "simplify the pattern (no nested quantifiers like (a+)+)"
  }

  /// Why the log cannot show what expectation `index` asks for, or nil when it could have.
  private func missingEvidence(_ index: Int, _ report: Report) -> String? {
    if report.autoscaler.isLeader == false {
      return "the log shows only a standby replica waiting for the lease: read the leader's log"
    }
    let proven = report.verbosity ?? 0
    var needed: Int?
    switch assertions[index].target {
    case .line:
      guard let matcher = lineMatchers[index] else { return nil }
      // The catalogue's examples say at which verbosity CAS writes the messages the pattern matches.
      let levels = Catalog.entries.compactMap { entry -> Int? in
        let matches = entry.examples.contains { example in
          var message = Array(example.line.utf8)
          if let close = message.firstIndex(of: UInt8(ascii: "]")), close + 2 <= message.count {
            message = Array(message[(close + 2)...])
          }
          return message.withUnsafeBufferPointer { matcher.matchesSafely($0) }
        }
        return matches ? entry.verbosity : nil
      }
      needed = levels.min()
    case .expression(let expression):
      let asksForEnd =
        expression.outcome == "succeeded" || expression.outcome == "timedOut"
        || expression.conditions.contains { $0.key == "within" }
      if asksForEnd, expression.subject == .scaleUp || expression.subject == .scaleDown { needed = 4 }
    }
    guard let needed, needed > proven else { return nil }
    let shown = report.verbosity.map { "its lines prove only --v=\($0)" } ?? "no line proves any verbosity"
    return "the log cannot show this: CAS writes it at V(\(needed)) and \(shown); run CAS with --v=\(needed)"
  }

  /// The source and line of the first evidence of assertion `index`.
  private func location(_ index: Int, report: Report) -> (source: String, line: Int)? {
    switch assertions[index].target {
    case .line:
      guard let match = firstLineMatch[index] ?? firstLimitHit[index] ?? nearestLine[index] else { return nil }
      return (report.sourceName(match.source), match.line)
    case .expression:
      guard let item = expressionMatches[index].first ?? nearestItems[index].first,
        let line = item.evidence.lines.first
      else { return nil }
      return (report.sourceName(item.evidence), line)
    }
  }

  private func detail(_ index: Int, report: Report) -> String {
    func place(_ match: LineMatch) -> String {
      return "\(report.sourceName(match.source)):\(match.line): \(TerminalText.sanitize(match.text))"
    }
    switch assertions[index].target {
    case .line:
      let hits = patternLimitHits[index]
      if let match = firstLineMatch[index] {
        let gaveUp = hits == 0 ? "" : " (the pattern gave up on \(hits) earlier record\(hits == 1 ? "" : "s"))"
        return "matched " + place(match) + gaveUp
      }
      if let first = firstLimitHit[index] {
        let records = hits == 1 ? "1 record" : "\(hits) records"
        return "no record matched, but the pattern gave up on \(records) (PCRE2 match limit), first " + place(first)
      }
      if let nearest = nearestLine[index] { return "no record matched; nearest: " + place(nearest) }
      return "no record matched"
    case .expression(let expression):
      let matches = expressionMatches[index]
      let hits = patternLimitHits[index]
      let countText =
        "\(matches.count) matching" + (hits == 0 ? "" : " (and \(hits) a ~= pattern gave up on: PCRE2 match limit)")
      let expected = "(expected count\(expression.countOperator.rawValue)\(expression.countValue))"
      if matches.isEmpty {
        let nearest = nearestItems[index]
        guard !nearest.isEmpty else { return "\(countText) \(expected); no \(expression.subject.rawValue) in the log" }
        return "\(countText) \(expected); found instead: " + describe(nearest, report: report)
      }
      return countText + ": " + describe(matches, report: report)
    }
  }

  private func describe(_ items: [MatchedItem], report: Report) -> String {
    let shown = items.prefix(3).map { item -> String in
      let name = report.sourceName(item.evidence)
      let lines = item.evidence.lines
      let range = lines.isEmpty ? "" : " (\(name):\(lines.first ?? 0)\(lines.count > 1 ? "-\(lines.last ?? 0)" : ""))"
      return TerminalText.sanitize(item.name) + range
    }
    return shown.joined(separator: ", ") + (items.count > 3 ? ", … (\(items.count) in all)" : "")
  }

  /// The longest run of letters and spaces in a pattern: a word to find near misses by.
  private static func keyword(of pattern: String) -> [UInt8]? {
    var best = ""
    var current = ""
    for character in pattern {
      if character.isLetter || character == "-" || character == ":" {
        current.append(character)
      } else {
        if current.count > best.count { best = current }
        current = ""
      }
      if character == " " {
        if current.count > best.count { best = current }
        current = ""
      }
    }
    if current.count > best.count { best = current }
    return best.count >= 4 ? Array(best.utf8) : nil
  }
}

@available(*, unavailable)
extension AssertionEngine: Sendable {}
