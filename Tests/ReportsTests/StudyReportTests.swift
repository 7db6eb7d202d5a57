import Charts
import Foundation
import Testing
@testable import Reports

@Suite struct StudyReportTests {
  func page(_ study: ReportStudy = SampleStudies.small()) throws -> String { try StudyReport(study: study).html() }

  /// The text between `start` and the next `end`.
  func part(_ html: String, from start: String, to end: String) -> String {
    guard let a = html.range(of: start), let b = html[a.upperBound...].range(of: end) else { return "" }
    return String(html[a.lowerBound..<b.lowerBound])
  }

  @Test func thePageIsSelfContained() throws {
    let html = try page(SampleStudies.large())
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for banned in ["<script", "src=", "<link", "@import", "<img", "<iframe", "<object", "url(http", "href="] {
      #expect(!html.contains(banned), "the page contains \(banned)")
    }
    #expect(html.occurrences(of: "http") == html.occurrences(of: "xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(!html.contains("NaN") && !html.contains("inf<"))
  }

  @Test func theHeaderSaysWhatWasSearchedAndCountsTrialsByState() throws {
    let html = try page()
    #expect(html.contains("<h1>Study: yeast-mlp-tpe</h1>"))
    #expect(html.contains("<dt>objective</dt><dd>val_f1_micro (maximize)</dd>"))
    #expect(html.contains("<dt>sampler</dt><dd>tpe</dd>") && html.contains("<dt>pruner</dt><dd>asha</dd>"))
    #expect(html.contains("<thead><tr><th scope=\"col\"></th><th scope=\"col\">complete</th><th scope=\"col\">pruned</th><th scope=\"col\">failed</th><th scope=\"col\">running</th><th scope=\"col\">waiting</th><th scope=\"col\">all</th></tr></thead>"))
    #expect(html.contains("<th scope=\"row\">trials</th><td class=\"num\">4</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">8</td>"))
    #expect(html.contains("<th scope=\"row\">lr</th><td>loguniform(0.0001, 0.1)</td>"))
    #expect(html.contains("<th scope=\"row\">dropout</th><td>numbers in [0, 0.5]</td>"))
    #expect(html.contains("<th scope=\"row\">layers</th><td>integers in [1, 4]</td>"))
  }

  @Test func theBestTrialIsTheBestCompleteOneWithItsConfig() throws {
    let html = try page()
    // Trial 6 is still running with 0.55 and trial 2 was pruned: neither counts.
    #expect(html.contains("<p class=\"key\">Trial 3: val_f1_micro = 0.6217, run 20261207-210030-a3b3, last step 40.</p>"))
    let config = part(html, from: "<caption>Its config</caption>", to: "</table>")
    #expect(config.contains("<th scope=\"row\">lr</th><td>0.0031622776601683794</td>"))   // every digit, to copy
    #expect(config.contains("<th scope=\"row\">hidden</th><td>256</td>"))
    #expect(config.contains("<th scope=\"row\">optimizer</th><td>&quot;adam&quot;</td>"))
    #expect(config.contains("<th scope=\"row\">momentum</th><td class=\"missing\">—</td>"))   // not active with adam
    #expect(config.contains("<th scope=\"row\">layers</th><td>2</td>"))

    var study = SampleStudies.small()
    study.direction = .minimize
    #expect(try StudyReport(study: study).best?.number == 0)
    study.trials.append(ReportTrial(number: 9, state: .complete, value: 0.5812, params: [:]))
    study.trials.append(ReportTrial(number: 8, state: .complete, value: .nan, params: [:]))
    #expect(try StudyReport(study: study).best?.number == 0)   // equal values: the earlier trial; NaN never best
  }

  @Test func theHistoryHasADotPerCompleteTrialAndSaysWhatIsLeftOut() throws {
    let history = part(try page(), from: "<section id=\"history\">", to: "</section>")
    #expect(history.occurrences(of: "<circle class=\"series dot\"") == 4)
    #expect(history.contains(">best so far</text>"))
    #expect(history.contains("Left out: 1 pruned, 1 failed, 1 running, 1 waiting."))
  }

  @Test func parallelCoordinatesDrawCompleteTrialsPrunedFaintAndOthersNot() throws {
    let parallel = part(try page(), from: "<section id=\"parallel\">", to: "</section>")
    // Momentum is active in trial 1 alone: the other lines have a gap there, two stretches each
    // (the pruned trial's second stretch a lone value on layers, as it has no final value).
    #expect(parallel.occurrences(of: "<title>trial ") == 9)
    #expect(parallel.contains("<title>trial 2 (pruned)</title>"))
    for absent in ["<title>trial 4", "<title>trial 6", "<title>trial 7"] { #expect(!parallel.contains(absent)) }
    // Axes at 64, 160, ..., 640 (576 / 6 apart), from 348 up to 48. Trial 3: lr 10^-2.5 half way up
    // 10^-4...10^-1; hidden 256, the middle of three; dropout 0.2 of 0...0.5 -> 348 - 120; adam, the
    // first of two, a quarter up; momentum not active (a gap); layers 2 of 1...4 a third up; its
    // value 0.6217 on 0.58...0.63 -> 348 - 300 * 0.834.
    #expect(parallel.contains("<polyline stroke=\"\(Palette.highlight)\" stroke-width=\"3\" stroke-opacity=\"1\" points=\"64,198 160,198 256,228 352,273\">"))
    #expect(parallel.contains("<polyline stroke=\"\(Palette.highlight)\" stroke-width=\"3\" stroke-opacity=\"1\" points=\"544,248 640,97.8\">"))
    #expect(parallel.contains(">best: trial 3<title>") && parallel.contains(">pruned<title>"))
    #expect(parallel.contains("Pruned trials (1) are drawn faint grey over the parameters only"))
    #expect(parallel.contains("Failed, unfinished and valueless trials (3) are left out."))
  }

  @Test func aSlicePerParameterWithTheTrialsThatSetIt() throws {
    let html = try page()
    #expect(html.occurrences(of: "<figure class=\"slice\">") == 6)
    let lr = part(html, from: "<title id=\"slice1-title\">lr</title>", to: "</svg>")
    #expect(lr.occurrences(of: "<title>trial ") == 4)
    #expect(lr.contains(">lr (log)</text>"))
    #expect(lr.contains("<circle class=\"highlighted\""))
    let momentum = part(html, from: "<title id=\"slice5-title\">momentum</title>", to: "</svg>")
    #expect(momentum.occurrences(of: "<title>trial ") == 1)   // only trial 1 used sgd and finished
    #expect(momentum.contains("<title>trial 1: momentum 0.9, val_f1_micro 0.6034</title>"))
    let hidden = part(html, from: "<title id=\"slice2-title\">hidden</title>", to: "</svg>")
    #expect(hidden.contains(">128</text>") && hidden.contains(">512</text>"))
  }

  @Test func theTrialsTableListsEveryTrial() throws {
    let trials = part(try page(), from: "<section id=\"trials\">", to: "</section>")
    #expect(trials.contains("<th scope=\"col\">trial</th><th scope=\"col\">state</th><th scope=\"col\">val_f1_micro</th><th scope=\"col\">step</th><th scope=\"col\">run</th><th scope=\"col\">lr</th>"))
    #expect(trials.occurrences(of: "<tr") == 9)
    #expect(trials.contains("<tr class=\"marked\"><th scope=\"row\">3</th><td>COMPLETE</td><td class=\"num\">0.622</td><td class=\"num\">40</td><td>20261207-210030-a3b3</td><td>0.003162</td><td>256</td><td>0.2</td>"))
    #expect(trials.contains("<tr><th scope=\"row\">7</th><td>WAITING</td><td class=\"missing\">—</td><td class=\"missing\">—</td><td class=\"missing\">—</td><td>0.0025</td>"))
    #expect(trials.contains("<tr><th scope=\"row\">2</th><td>PRUNED</td><td class=\"num\">0.410</td><td class=\"num\">5</td>"))
  }

  @Test func hostileNamesAreEscaped() throws {
    let evil = "<script>alert('x')</script>"
    let study = ReportStudy(name: evil, experiment: evil, objective: evil, direction: .minimize, sampler: evil, pruner: evil,
                            parameters: [ReportParameter(name: evil, kind: .categorical([evil, "b"]), text: evil),
                                         ReportParameter(name: "lr" + evil, kind: .log(low: 1e-3, high: 1, integer: false))],
                            trials: [ReportTrial(number: 0, state: .complete, value: 1, params: [evil: 0, "lr" + evil: 0.01], runID: evil),
                                     ReportTrial(number: 1, state: .pruned, value: 2, params: [evil: 1], runID: evil)])
    let html = try StudyReport(study: study).html()
    #expect(!html.contains("<script"))
    #expect(html.contains("<h1>Study: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"))
    #expect(html.occurrences(of: "&lt;script&gt;") > 10)
  }

  @Test func aStudyWithoutResultsStillDraws() throws {
    let none = ReportStudy(name: "empty", objective: "loss", direction: .minimize, sampler: "random", pruner: "none",
                           parameters: SampleStudies.parameters, trials: [])
    let empty = try page(none)
    #expect(empty.contains("No trial has completed with a value yet."))
    #expect(empty.contains(">no data</text>"))
    #expect(!empty.contains("<section id=\"trials\">"))
    var failed = none
    failed.trials = [ReportTrial(number: 0, state: .failed, params: ["lr": 0.01]), ReportTrial(number: 1, state: .complete, value: .infinity, params: ["lr": 0.02])]
    let html = try page(failed)
    #expect(html.contains("Left out: 1 failed, 1 complete without a finite value."))
    #expect(!html.contains("NaN") && !html.contains("\"inf") && !html.contains(",inf"))
    let single = ReportStudy(name: "one", objective: "loss", direction: .minimize, sampler: "grid", pruner: "none",
                             parameters: [ReportParameter(name: "x", kind: .numeric(low: 2, high: 2, integer: false))],
                             trials: [ReportTrial(number: 0, state: .complete, value: 0.5, params: ["x": 2])])
    let one = try page(single)
    #expect(!one.contains("NaN") && !one.contains(">no data<"))
  }

  @Test func badInputIsRefused() throws {
    let lr = ReportParameter(name: "lr", kind: .log(low: 1e-4, high: 0.1, integer: false))
    func study(_ parameters: [ReportParameter], _ trials: [ReportTrial] = []) -> ReportStudy {
      ReportStudy(name: "s", objective: "loss", direction: .minimize, sampler: "tpe", pruner: "none", parameters: parameters, trials: trials)
    }
    #expect(throws: ReportError("study 's': parameter 'lr' is given twice; expected each parameter once")) { try StudyReport(study: study([lr, lr])) }
    #expect(throws: ReportError("study 's': parameter 'opt' is categorical with no options; expected at least one")) {
      try StudyReport(study: study([ReportParameter(name: "opt", kind: .categorical([]))]))
    }
    #expect(throws: ReportError("study 's': parameter 'x' has the range [1.0, 0.0]; expected finite numbers, low not above high")) {
      try StudyReport(study: study([ReportParameter(name: "x", kind: .numeric(low: 1, high: 0, integer: false))]))
    }
    #expect(throws: ReportError("study 's': parameter 'x' is on a log scale from 0.0; expected a range above 0")) {
      try StudyReport(study: study([ReportParameter(name: "x", kind: .log(low: 0, high: 1, integer: false))]))
    }
    #expect(throws: ReportError("study 's': trial 0 is given twice; expected each trial once")) {
      try StudyReport(study: study([lr], [ReportTrial(number: 0, state: .failed, params: [:]), ReportTrial(number: 0, state: .failed, params: [:])]))
    }
    #expect(throws: ReportError("study 's': trial 1 has a value for 'lrr', which is not one of the study's parameters")) {
      try StudyReport(study: study([lr], [ReportTrial(number: 1, state: .complete, value: 1, params: ["lrr": 0.01])]))
    }
    #expect(throws: ReportError("study 's': trial 2 has option index 3.0 for 'opt'; expected 0 to 1")) {
      try StudyReport(study: study([ReportParameter(name: "opt", kind: .categorical(["a", "b"]))], [ReportTrial(number: 2, state: .complete, value: 1, params: ["opt": 3])]))
    }
  }

  /// The small study's page, byte for byte (`CRESCENT_UPDATE_FIXTURES=1` rewrites the stored
  /// file; review the difference).
  @Test func theSmallStudyGivesTheStoredPage() throws {
    let html = try page()
    #expect(html == (try page()))
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/study-report.html")
    if ProcessInfo.processInfo.environment["CRESCENT_UPDATE_FIXTURES"] == "1" {
      try FileManager.default.createDirectory(at: fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
      try html.write(to: fixture, atomically: true, encoding: .utf8)
    }
    #expect(html == (try String(contentsOf: fixture, encoding: .utf8)))
  }

  @Test func writesTheFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-study-\(UUID().uuidString).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let report = try StudyReport(study: SampleStudies.small())
    try report.write(to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == report.html())
    #expect(throws: ReportError.self) { try report.write(to: "/nonexistent-folder/x/study.html") }
  }
}
