import Foundation
import Testing

/// A log split into rotations (one of them gzipped) and given in the wrong order is read oldest
/// first: the report is that of the files in time order.
struct RotatedSetInputTests {
  /// The paths, oldest first, of the sample split into three files named by `names`.
  ///
  /// The sample whose name starts with `sample` is cut at line boundaries; the oldest part is gzipped.
  private static func rotations(_ sample: String, names: [String], in directory: TemporaryDirectory) throws -> [String]
  {
    let text = try String(contentsOfFile: try SampleLogs.path(prefix: sample), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let third = lines.count / 3
    let parts = [lines[..<third], lines[third..<(2 * third)], lines[(2 * third)...]].map { $0.joined(separator: "\n") }
    var paths: [String] = []
    for (index, (name, part)) in zip(names, parts).enumerated() {
      let body = part + (index < 2 ? "\n" : "")
      let path = directory.path(name)
      let bytes = index == 0 ? Data(try GzipTool.compress(Array(body.utf8))) : Data(body.utf8)
      try bytes.write(to: URL(fileURLWithPath: path))
      paths.append(path)
    }
    return paths
  }

  @Test(arguments: [
    ["0.log.20240101-000000.gz", "0.log.20240102-000000", "0.log"],
    ["cluster-autoscaler.log.2.gz", "cluster-autoscaler.log.1", "cluster-autoscaler.log"],
  ])
  func aRotatedSetGivenInTheWrongOrderIsReadInTimeOrder(names: [String]) throws {
    let directory = try TemporaryDirectory()
    let paths = try Self.rotations("000-seed-blog-scaleup", names: names, in: directory)
    let inOrder = try CLIRunner.run(["report", "--format", "json"] + paths)
    #expect(inOrder.exitCode == 0, "\(inOrder.summary)")
    for wrong in [[paths[2], paths[0], paths[1]], [paths[1], paths[2], paths[0]], paths.reversed()] {
      let result = try CLIRunner.run(["report", "--format", "json"] + wrong)
      #expect(result.exitCode == 0, "\(result.summary)")
      #expect(result.stdout == inOrder.stdout, "\(wrong.map { ($0 as NSString).lastPathComponent })")
    }
    // The sources are listed oldest first.
    let sources = try #require(
      (try JSONSerialization.jsonObject(with: Data(inOrder.stdout.utf8)) as? [String: Any])?["input"] as? [String: Any])
    #expect(sources["sources"] as? [String] == paths, "\(sources)")
  }
}
