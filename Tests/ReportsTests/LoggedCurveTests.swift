import Foundation
import Testing
@testable import Reports

@Suite struct LoggedCurveTests {
  @Test func rocCurveAsMetricsRocCurveGivesIt() throws {
    let json = #"{"fpr":[0.0,0.0,0.5,1.0],"tpr":[0.0,0.5,"nan",1.0],"thresholds":["inf",0.9,0.4,0.1],"auc":0.75}"#
    let (curves, table) = try LoggedCurve.read(name: "micro", json: json)
    #expect(table == nil)
    #expect(curves.count == 1)
    let c = try #require(curves.first)
    #expect(c.kind == .roc && c.name == "micro" && c.x == [0, 0, 0.5, 1] && c.area == 0.75)
    #expect(c.y[0] == 0 && c.y[1] == 0.5 && c.y[2].isNaN && c.y[3] == 1)
  }

  @Test func precisionRecallCurveDrawsPrecisionOverRecall() throws {
    let json = #"{"precision":[0.5,0.6667,1.0,1.0],"recall":[1.0,1.0,0.5,0.0],"thresholds":[0.1,0.4,0.9],"average_precision":0.9}"#
    let c = try #require(try LoggedCurve.read(name: "label 1", json: json).curves.first)
    #expect(c.kind == .precisionRecall && c.x == [1, 1, 0.5, 0] && c.y == [0.5, 0.6667, 1, 1] && c.area == 0.9)
  }

  /// scikit-learn, y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8]: roc_curve gives fpr [0, 0, 0.5, 0.5, 1],
  /// tpr [0, 0.5, 0.5, 1, 1], roc_auc_score 0.75; precision_recall_curve gives precision
  /// [0.5, 2/3, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], average_precision_score 5/6.
  @Test func withoutAnAreaFieldTheAreaIsScikitLearnsAucOrAveragePrecision() throws {
    let roc = try LoggedCurve.read(name: "r", json: #"{"fpr":[0,0,0.5,0.5,1],"tpr":[0,0.5,0.5,1,1]}"#).curves[0]
    #expect(roc.area == 0.75)
    let pr = try LoggedCurve.read(name: "p", json: #"{"precision":[0.5,0.6666666666666666,0.5,1,1],"recall":[1,1,0.5,0.5,0]}"#).curves[0]
    #expect(abs(pr.area! - 5.0 / 6) < 1e-12)
    // The same curve listed by rising recall (as a macro average gives it) has the same area.
    let rising = try LoggedCurve.read(name: "p", json: #"{"precision":[1,1,0.5,0.6666666666666666,0.5],"recall":[0,0.5,0.5,1,1]}"#).curves[0]
    #expect(abs(rising.area! - 5.0 / 6) < 1e-12)
    let gap = try LoggedCurve.read(name: "r", json: #"{"fpr":[0,"nan",1],"tpr":[0,0.5,1]}"#).curves[0]
    #expect(gap.area == nil)
  }

  @Test func aMetricsReportTableGivesThePerLabelTableInTheReportsColumnOrder() throws {
    // What r:to_table() holds: fields, then per_label records (JSON objects keep no order of their own).
    let json = #"{"f1_micro":0.6,"per_label":[{"name":"sports","support":3,"precision":0.5,"recall":1.0,"f1":0.6667,"roc_auc":"nan","average_precision":0.8},{"f1":0,"name":"arts","support":0,"precision":0,"recall":0,"roc_auc":0.5,"average_precision":0.25}]}"#
    let (curves, table) = try LoggedCurve.read(name: "report", json: json)
    #expect(curves.isEmpty)
    let t = try #require(table)
    #expect(t.columns == ["support", "precision", "recall", "f1", "roc_auc", "average_precision"])
    #expect(t.rows.map(\.label) == ["sports", "arts"])
    #expect(t.rows[0].values.enumerated().allSatisfy { $0.offset == 4 ? $0.element.isNaN : $0.element == [3, 0.5, 1, 0.6667, 0, 0.8][$0.offset] })
    #expect(t.rows[1].values == [0, 0, 0, 0, 0.5, 0.25])
  }

  @Test func otherShapesShowNothingAndUnevenCurvesOrBadJSONAreRefused() throws {
    let other = try LoggedCurve.read(name: "x", json: #"{"steps":[1,2],"values":[0.5,"a"]}"#)
    #expect(other.curves.isEmpty && other.table == nil)
    #expect(throws: ReportError.self) { try LoggedCurve.read(name: "roc", json: #"{"fpr":[0,1],"tpr":[0]}"#) }
    #expect(throws: ReportError.self) { try LoggedCurve.read(name: "roc", json: "{fpr") }
  }
}
