import Charts
import Foundation
import Testing
@testable import Reports

@Suite struct RunReportTests {
  @Test func thePageIsSelfContained() throws {
    let html = try RunReport(runs: SampleRuns.all()).html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for banned in ["<script", "src=", "<link", "@import", "<img", "<iframe", "<object", "url(http", "href="] {
      #expect(!html.contains(banned), "the page contains \(banned)")
    }
    // The only address is the SVG namespace, once per chart.
    #expect(html.occurrences(of: "http") == html.occurrences(of: "xmlns=\"http://www.w3.org/2000/svg\""))
  }

  @Test func everyMetricHasAChartWithTrainingAndValidation() throws {
    let html = try RunReport(runs: SampleRuns.all()).html()
    #expect(html.occurrences(of: "<figure class=\"metric\">") == 2)   // loss and f1_micro
    #expect(html.contains("<title id=\"m1-title\">loss</title>"))
    #expect(html.contains("<title id=\"m2-title\">f1_micro</title>"))
    #expect(html.contains(">mlp.lr=0.01 (3 seeds) · val_loss</text>"))
    #expect(html.contains("<title>20261207-102311-0789 · val_loss</title>") == false)   // labelled by what differs
    #expect(html.contains("<title>mlp.lr=0.1 · val_loss</title>"))
  }

  @Test func seedRunsCollapseIntoBandsOtherRunsOverlay() throws {
    let html = try RunReport(runs: SampleRuns.all()).html()
    let loss = String(html[html.range(of: "<title id=\"m1-title\">")!.lowerBound..<html.range(of: "<title id=\"m2-title\">")!.lowerBound])
    #expect(loss.occurrences(of: "<polygon class=\"band\"") == 2)   // loss and val_loss of the seed group
    #expect(loss.occurrences(of: "<polyline class=\"series\" fill=\"none\" stroke=\"\(Palette.colour(0))\"") == 2)
    #expect(loss.occurrences(of: "<polyline class=\"series\" fill=\"none\" stroke=\"\(Palette.colour(1))\"") == 2)
    #expect(loss.contains("stroke-dasharray=\"7 4\""))
    // The third seed stopped at epoch 15: the band says so.
    #expect(html.contains("<figcaption>mlp.lr=0.01 (3 seeds) · loss, val_loss: the band covers only the steps all 3 runs logged (15, up to step 15); the longest went on to step 20.</figcaption>"))
  }

  @Test func theBandIsTheMeanAndStdOfTheSeeds() throws {
    let runs = [
      ReportRun(id: "a", experiment: "e", seed: 1, config: [ReportField("seed", "1")], series: [ReportSeries(name: "loss", points: [.init(step: 0, value: 1), .init(step: 2, value: 2)])]),
      ReportRun(id: "b", experiment: "e", seed: 2, config: [ReportField("seed", "2")], series: [ReportSeries(name: "loss", points: [.init(step: 0, value: 3), .init(step: 2, value: 2)])]),
    ]
    let html = try RunReport(runs: runs).html()
    // x 0...2 onto 72...520; y: data 1...3 (mean 2 ± 1 at step 0, 2 ± 0 at step 2) -> ticks 1...3, onto 340...40.
    #expect(html.contains("<polygon class=\"band\" fill=\"\(Palette.colour(0))\" fill-opacity=\"0.2\" stroke=\"none\" points=\"72,40 520,190 520,190 72,340\"/>"))
    #expect(html.contains("points=\"72,190 520,190\""))   // the mean line
  }

  @Test func curvesTablesConfigAndResult() throws {
    let html = try RunReport(runs: SampleRuns.all()).html()
    #expect(html.contains("<title id=\"c1-title\">ROC · micro</title>"))
    #expect(html.contains("<title id=\"c2-title\">Precision-recall · micro</title>"))
    #expect(html.contains(">20261207-101500-a1b2 (AUC 0.750)</text>"))
    #expect(html.contains(">20261207-102311-0789 (AUC 0.800)</text>"))
    #expect(html.contains("<caption>run 20261207-101500-a1b2</caption>"))
    #expect(html.contains("<th scope=\"row\">&lt;science &amp; tech&gt;</th><td class=\"num\">0.580</td>"))
    #expect(html.contains("<tr class=\"marked\"><th scope=\"row\">mlp.lr</th>"))
    #expect(html.contains("<tr><th scope=\"row\">dataset</th>"))
    #expect(html.contains("<section id=\"result\">"))
  }

  @Test func textFromScriptsIsEscaped() throws {
    let evil = "<img src=x onerror=alert(1)>"
    let run = ReportRun(id: evil, experiment: evil, seed: 1, config: [ReportField(evil, evil)], status: evil, result: [ReportField("r", evil)],
                        series: [ReportSeries(name: evil, points: [.init(step: 1, value: 1), .init(step: 2, value: 0.5)])],
                        curves: [try ReportCurve(name: evil, kind: .roc, x: [0, 1], y: [0, 1])],
                        table: try ReportTable(columns: [evil], rows: [.init(label: evil, values: [1])]))
    let html = try RunReport(runs: [run]).html()
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
  }

  @Test func sameRunsSameBytes() throws {
    #expect(try RunReport(runs: SampleRuns.all()).html() == RunReport(runs: SampleRuns.all()).html())
  }

  @Test func badInputIsRefused() throws {
    #expect(throws: ReportError("a report needs at least one run")) { try RunReport(runs: []) }
    let run = ReportRun(id: "a", experiment: "e")
    #expect(throws: ReportError("run 'a' is given twice; expected each run once")) { try RunReport(runs: [run, run]) }
    #expect(throws: ReportError("curve 'roc': x has 2 values and y has 1; expected as many of each")) {
      try ReportCurve(name: "roc", kind: .roc, x: [0, 1], y: [0])
    }
    #expect(throws: ReportError.self) { try ReportTable(columns: ["p", "r"], rows: [.init(label: "a", values: [1])]) }
  }

  @Test func writesTheFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-report-\(UUID().uuidString).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let report = try RunReport(runs: SampleRuns.all())
    try report.write(to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == report.html())
    #expect(throws: ReportError.self) { try report.write(to: "/nonexistent-folder/x/report.html") }
  }
}
