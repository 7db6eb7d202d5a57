import Foundation
import Testing
@testable import Reports

/// Writes the larger sample study's page where `CRESCENT_STUDY_REPORT_SAMPLE` says (to look at
/// in a browser); without it, into a temporary file.
@Suite struct SampleStudyReportTests {
  @Test func writesTheSampleStudyReport() throws {
    let given = ProcessInfo.processInfo.environment["CRESCENT_STUDY_REPORT_SAMPLE"].flatMap { $0.isEmpty ? nil : $0 }
    let path = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("crescent-study-\(UUID().uuidString).html").path
    defer { if given == nil { try? FileManager.default.removeItem(atPath: path) } }
    try StudyReport(study: SampleStudies.large()).write(to: path)
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.contains("<section id=\"parallel\">") && html.contains("<section id=\"slices\">"))
    #expect(html.occurrences(of: "<figure class=\"slice\">") == SampleStudies.parameters.count)
  }
}
