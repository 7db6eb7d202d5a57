import Foundation

/// What a curve a run logged (`run:log_curve(name, curve)`, kept as JSON text) shows in a
/// report: `{fpr =, tpr =}` (metrics.roc_curve) is a ROC curve, `{precision =, recall =}`
/// (metrics.precision_recall_curve) a precision-recall curve, and a table with `per_label`
/// (a metrics report's `to_table()`, or its `per_label` list) the per-label table. An area is
/// taken from the curve's own `auc`, `average_precision` or `area` field when it has one, else
/// computed from its points: the trapezoidal area under a ROC curve (scikit-learn's
/// `auc(fpr, tpr)`), and for precision-recall each recall interval times the precision at its
/// higher-recall end (scikit-learn's average precision); none when a point is NaN.
/// Anything else shows nothing. NaN and infinities may be written "nan", "inf", "-inf".
public enum LoggedCurve {
  /// Columns of a per-label row in the order a metrics report gives them; others follow by name.
  static let labelColumns = ["support", "precision", "recall", "f1", "roc_auc", "average_precision"]

  /// The curves and the per-label table in the logged curve `name`; refuses JSON it cannot read.
  public static func read(name: String, json: String) throws -> (curves: [ReportCurve], table: ReportTable?) {
    let parsed: Any
    do { parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) } catch {
      throw ReportError("curve '\(name)': its recorded JSON cannot be read (\(error.localizedDescription))")
    }
    if let rows = parsed as? [Any] { return ([], try table(name, rows)) }
    guard let object = parsed as? [String: Any] else { return ([], nil) }
    var curves: [ReportCurve] = []
    if let fpr = numbers(object["fpr"]), let tpr = numbers(object["tpr"]) {
      curves.append(try ReportCurve(name: name, kind: .roc, x: fpr, y: tpr, area: number(object["auc"] ?? object["area"]) ?? trapezoid(fpr, tpr)))
    }
    if let precision = numbers(object["precision"]), let recall = numbers(object["recall"]) {
      curves.append(try ReportCurve(name: name, kind: .precisionRecall, x: recall, y: precision,
                                    area: number(object["average_precision"] ?? object["area"]) ?? steps(recall, precision)))
    }
    let rows = (object["per_label"] as? [Any]) ?? (object["per_label"] as? [String: Any]).map(listFromObject)
    return (curves, try rows.flatMap { try table(name, $0) })
  }

  /// A per-label table from a list of records (`{name =, support =, precision =, ...}`); nil
  /// when the list holds no records.
  static func table(_ name: String, _ items: [Any]) throws -> ReportTable? {
    let records = items.compactMap { $0 as? [String: Any] }
    guard !records.isEmpty, records.count == items.count else { return nil }
    var keys = Set<String>()
    for r in records { for (k, v) in r where k != "name" && k != "label" && number(v) != nil { keys.insert(k) } }
    let columns = labelColumns.filter(keys.contains) + keys.subtracting(labelColumns).sorted()
    guard !columns.isEmpty else { return nil }
    let rows = records.enumerated().map { i, r in
      ReportTable.Row(label: (r["name"] ?? r["label"]).map { "\($0)" } ?? "label_\(i + 1)",
                      values: columns.map { number(r[$0]) ?? .nan })
    }
    return try ReportTable(columns: columns, rows: rows)
  }

  /// The area under (x, y) by the trapezoidal rule, positive whichever way x runs.
  static func trapezoid(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count >= 2, x.count == y.count, !(x + y).contains(where: { !$0.isFinite }) else { return nil }
    var area = 0.0
    for i in 1..<x.count { area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2 }
    return abs(area)
  }

  /// The sum over neighbouring points of |Δrecall| times the precision at the higher recall.
  static func steps(_ recall: [Double], _ precision: [Double]) -> Double? {
    guard recall.count >= 2, recall.count == precision.count, !(recall + precision).contains(where: { !$0.isFinite }) else { return nil }
    var area = 0.0
    for i in 1..<recall.count {
      area += abs(recall[i] - recall[i - 1]) * (recall[i] > recall[i - 1] ? precision[i] : precision[i - 1])
    }
    return area
  }

  /// A JSON object whose keys are 1, 2, ... (a Lua list with holes) as a list, in key order.
  static func listFromObject(_ object: [String: Any]) -> [Any] {
    object.compactMap { k, v in Int(k).map { ($0, v) } }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  static func numbers(_ value: Any?) -> [Double]? {
    guard let items = value as? [Any] else { return nil }
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for item in items {
      guard let d = number(item) else { return nil }
      out.append(d)
    }
    return out
  }

  static func number(_ value: Any?) -> Double? {
    switch value {
    case let n as NSNumber: return n.doubleValue
    case let s as String:
      switch s { case "nan": return .nan; case "inf": return .infinity; case "-inf": return -.infinity; default: return nil }
    default: return nil
    }
  }
}
