import Charts
import Foundation

/// One self-contained HTML page about one or more runs: a chart per metric (training and
/// validation together), ROC and precision-recall charts, per-label tables, configs and
/// results. Inline CSS and SVG only: no script, font, image or style sheet from elsewhere. Runs
/// that differ only by seed collapse into mean ± std bands; other runs overlay, one colour each.
public struct RunReport: Sendable {
  public let runs: [ReportRun]
  public let title: String
  public let groups: [SeedGroup]

  /// Refuses an empty list and a run id given twice.
  public init(runs: [ReportRun], title: String? = nil) throws {
    guard !runs.isEmpty else { throw ReportError("a report needs at least one run") }
    var seen = Set<String>()
    for run in runs where !seen.insert(run.id).inserted {
      throw ReportError("run '\(run.id)' is given twice; expected each run once")
    }
    self.runs = runs
    self.groups = SeedGroup.groups(runs)
    var experiments: [String] = []
    for run in runs where !experiments.contains(run.experiment) { experiments.append(run.experiment) }
    self.title = title ?? "Report: " + experiments.joined(separator: ", ")
  }

  /// The page; the same runs give the same bytes.
  public func html() -> String {
    var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<title>\(Markup.escape(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n<main>\n"
    page += "<h1>\(Markup.escape(title))</h1>\n"
    page += runsSection()
    page += metricsSection()
    page += curvesSection()
    page += labelsSection()
    page += fieldsSection(id: "config", heading: "Config", fields: \.config)
    page += fieldsSection(id: "result", heading: "Result", fields: \.result)
    page += "</main>\n</body>\n</html>\n"
    return page
  }

  /// Writes the page to `path` atomically (a temporary file renamed over it).
  public func write(to path: String) throws {
    try ReportFile.write(html(), to: path, what: "report")
  }

  /// The group index (its colour) of each run id.
  func groupIndex(of run: ReportRun) -> Int {
    groups.firstIndex { g in g.runs.contains { $0.id == run.id } } ?? 0
  }

  static let style = """
  body { font-family: sans-serif; color: #222; background: #fff; margin: 0; }
  main { max-width: 1120px; margin: 0 auto; padding: 16px 24px 48px; }
  h1 { font-size: 1.5em; margin: 0.4em 0; }
  h2 { font-size: 1.2em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  h3 { font-size: 1em; margin: 1.2em 0 0.3em; }
  p.key { color: #555; margin: 0.3em 0 0.8em; }
  .charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
  figure { margin: 0; flex: 1 1 640px; max-width: 840px; }
  figure.curve { flex: 1 1 460px; max-width: 660px; }
  svg.chart { width: 100%; height: auto; display: block; }
  figcaption { color: #555; font-size: 0.85em; margin: 2px 0 0 8px; }
  table { border-collapse: collapse; margin: 0.4em 0 1em; font-size: 0.9em; }
  caption { text-align: left; font-weight: bold; padding: 4px 0; }
  th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
  thead th { background: #f4f5f7; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  td.missing { color: #999; text-align: center; }
  tr.marked th, tr.marked td { background: #fff4d6; }
  .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }

  """
}
