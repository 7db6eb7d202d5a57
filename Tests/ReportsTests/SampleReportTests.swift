import Foundation
import Testing
@testable import Reports

/// Writes the sample report where `CRESCENT_REPORT_SAMPLE` says (`scripts/check-report` renders
/// it in a browser); without it, into a temporary file.
@Suite struct SampleReportTests {
  @Test func writesTheSampleReport() throws {
    let given = ProcessInfo.processInfo.environment["CRESCENT_REPORT_SAMPLE"].flatMap { $0.isEmpty ? nil : $0 }
    let path = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("crescent-sample-\(UUID().uuidString).html").path
    defer { if given == nil { try? FileManager.default.removeItem(atPath: path) } }
    try RunReport(runs: SampleRuns.all(), title: "Report: multilabel-mlp, learning rates 0.01 and 0.1").write(to: path)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("<section id=\"metrics\">") && html.contains("<section id=\"curves\">"))
  }
}
