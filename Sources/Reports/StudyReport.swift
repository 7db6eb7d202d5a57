import Charts
import Foundation

/// One self-contained HTML page about a study: what it searched, its counts by state, the best
/// trial and its config, the optimisation history, a parallel-coordinates chart over the
/// parameters, a slice chart per parameter and a table of the trials. Inline CSS and SVG only,
/// as `RunReport`'s page.
public struct StudyReport: Sendable {
  public let study: ReportStudy
  /// The trials in number order.
  public let trials: [ReportTrial]

  /// Refuses input the page could not show truthfully: a parameter named twice, a categorical
  /// parameter without options, a trial numbered twice, a trial value for a parameter the
  /// study does not have, an option index out of range.
  public init(study: ReportStudy) throws {
    var names = Set<String>()
    for p in study.parameters {
      guard names.insert(p.name).inserted else { throw ReportError("study '\(study.name)': parameter '\(p.name)' is given twice; expected each parameter once") }
      switch p.kind {
      case .categorical(let options) where options.isEmpty:
        throw ReportError("study '\(study.name)': parameter '\(p.name)' is categorical with no options; expected at least one")
      case .numeric(let low, let high, _), .log(let low, let high, _):
        guard low.isFinite, high.isFinite, low <= high else {
          throw ReportError("study '\(study.name)': parameter '\(p.name)' has the range [\(low), \(high)]; expected finite numbers, low not above high")
        }
        if case .log = p.kind, low <= 0 {
          throw ReportError("study '\(study.name)': parameter '\(p.name)' is on a log scale from \(low); expected a range above 0")
        }
      case .categorical: break
      }
    }
    var numbers = Set<Int>()
    for t in study.trials {
      guard numbers.insert(t.number).inserted else { throw ReportError("study '\(study.name)': trial \(t.number) is given twice; expected each trial once") }
      for (key, value) in t.params.sorted(by: { $0.key < $1.key }) {
        guard let p = study.parameters.first(where: { $0.name == key }) else {
          throw ReportError("study '\(study.name)': trial \(t.number) has a value for '\(key)', which is not one of the study's parameters")
        }
        if case .categorical(let options) = p.kind, p.index(value, count: options.count) == nil {
          throw ReportError("study '\(study.name)': trial \(t.number) has option index \(value) for '\(key)'; expected 0 to \(options.count - 1)")
        }
      }
    }
    self.study = study
    self.trials = study.trials.sorted { $0.number < $1.number }
  }

  /// The complete trials with a finite value.
  public var finished: [ReportTrial] {
    trials.filter { $0.state == .complete && ($0.value?.isFinite ?? false) }
  }

  /// The complete trial with the best value (the lowest number among equals).
  public var best: ReportTrial? {
    finished.reduce(nil) { best, t in
      guard let b = best else { return t }
      return study.direction.better(t.value!, than: b.value!) ? t : b
    }
  }

  public var title: String { "Study: \(study.name)" }

  /// The page; the same study gives the same bytes.
  public func html() -> String {
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<title>\(Markup.escape(title))</title>\n<style>\n\(RunReport.style)\(Self.style)</style>\n</head>\n<body>\n<main>\n"
    page += "<h1>\(Markup.escape(title))</h1>\n"
    page += summarySection()
    page += bestSection()
    page += historySection()
    page += parallelSection()
    page += slicesSection()
    page += trialsSection()
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  /// Writes the page to `path` atomically (a temporary file renamed over it).
  public func write(to path: String) throws {
    try ReportFile.write(html(), to: path, what: "study report")
  }

  static let style = """
  dl.study { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.4em 0 1em; }
  dl.study dt { color: #555; }
  dl.study dd { margin: 0; }
  figure.wide { flex: 1 1 100%; max-width: 840px; }
  figure.slice { flex: 1 1 460px; max-width: 600px; }

  """
}
