import Foundation
import Testing

/// Every `cas-logs assert` command line in the README works as written on the blog post's logs.
struct ReadmeSnippetTests {
  /// The `cas-logs assert …` command lines of README.md, continuation lines joined, as shell words.
  private static func assertCommands() throws -> [[String]] {
    let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var joined: [String] = []
    var current = ""
    for line in readme.components(separatedBy: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      current += (current.isEmpty ? "" : " ") + trimmed
      if trimmed.hasSuffix("\\") {
        current.removeLast()
        continue
      }
      joined.append(current)
      current = ""
    }
    return joined.compactMap { line -> [String]? in
      guard let start = line.range(of: "cas-logs assert ") else { return nil }
      let words = shellWords(String(line[start.lowerBound...]))
      // Keep only the options of cas-logs: drop file arguments shown in the README and anything after a
      // pipe or the `--` of a command (the tests read the blog's logs instead).
      let options = Array(words.dropFirst(2).prefix { $0 != "|" && $0 != "--" }).filter { !$0.hasPrefix("SampleLogs/") }
      return options.contains { $0.hasPrefix("--") } ? options : nil
    }
  }

  /// Splits a command line into words, honouring single quotes.
  private static func shellWords(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inQuotes = false
    var hasWord = false
    for character in text {
      if character == "'" {
        inQuotes.toggle()
        hasWord = true
      } else if character == " " && !inQuotes {
        if hasWord { words.append(word) }
        word = ""
        hasWord = false
      } else {
        word.append(character)
        hasWord = true
      }
    }
    if hasWord { words.append(word) }
    return words
  }

  @Test func readmeHasAssertSnippets() throws {
    #expect(try Self.assertCommands().count >= 6)
  }

  @Test(arguments: try assertCommands())
  func snippetHoldsOnTheBlogLogs(options: [String]) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cas-logs-readme-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var arguments = ["assert"]
    var index = 0
    while index < options.count {
      if options[index] == "--junit", index + 1 < options.count {
        arguments += ["--junit", directory.appendingPathComponent(options[index + 1]).path]
        index += 2
        continue
      }
      arguments.append(options[index])
      index += 1
    }
    arguments += [try SampleLogs.path(SampleLogs.blogScaleUp), try SampleLogs.path(SampleLogs.blogScaleDown)]
    let result = try CLIRunner.run(arguments)
    #expect(result.exitCode == 0, "\(result.summary)")
  }
}
