import LogParse
import Testing

/// What cas-logs did not understand is listed by shape, with counts and a sample.
struct UnrecognizedShapesTests {
  @Test func shapesFoldDigitsAndCount() {
    let report = Fixtures.analyze(
      """
      I0313 12:00:00.000000       1 reflector.go:370] factory.go:150: Watch close - *v1.Pod total 7 items received
      I0313 12:00:10.000000       1 reflector.go:370] factory.go:150: Watch close - *v1.Pod total 12 items received
      I0313 12:00:20.000000       1 something.go:1] a message nobody knows
      I0313 12:00:30.000000       1 executor.go:147] Scale-up: setting group g size to 3

      """)
    #expect(report.unrecognized == 3)
    try? #require(report.unrecognizedShapes.count == 2)
    #expect(report.unrecognizedShapes.first?.count == 2)
    #expect(report.unrecognizedShapes.first?.shape == "factory.go:#: Watch close - *v#.Pod total # items received")
    #expect(report.unrecognizedShapes.first?.line == 1)
    #expect(TextReportRenderer.renderUnrecognized(report).contains("2×"))
  }

  @Test func samplesLeaveOnlyIrrelevantRecordsUnrecognized() throws {
    var shapes: [String] = []
    for name in try Fixtures.sampleNames() {
      let report = Fixtures.analyze(try Fixtures.sample(String(name.dropLast(4))))
      shapes += report.unrecognizedShapes.map(\.shape)
    }
    // The one record no catalogue entry needs: an informer's watch being closed.
    #expect(shapes.count == 1)
    #expect(shapes.allSatisfy { $0.contains("Watch close") })
  }
}
