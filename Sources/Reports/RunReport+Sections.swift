import Charts

/// The page's sections.
extension RunReport {
  func runsSection() -> String {
    var out = "<section id=\"runs\">\n<h2>Runs</h2>\n<table class=\"runs\">\n"
    out += "<thead><tr><th scope=\"col\">run</th><th scope=\"col\">experiment</th><th scope=\"col\">seed</th>"
      + "<th scope=\"col\">status</th><th scope=\"col\">drawn as</th></tr></thead>\n<tbody>\n"
    for run in runs {
      let g = groupIndex(of: run)
      out += "<tr><th scope=\"row\">\(Markup.escape(run.id))</th><td>\(Markup.escape(run.experiment))</td>"
      out += "<td class=\"num\">\(run.seed.map(String.init) ?? "—")</td><td>\(Markup.escape(run.status))</td>"
      out += "<td><span class=\"swatch\" style=\"background: \(Palette.colour(g))\"></span>\(Markup.escape(groups[g].label))</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    if groups.contains(where: { $0.runs.count > 1 }) {
      out += "<p class=\"key\">Runs that differ only by seed are drawn as one line, their mean, in a shaded band of ± one standard deviation.</p>\n"
    }
    return out + "</section>\n"
  }

  func metricsSection() -> String {
    var names: [String] = []
    for run in runs { for s in run.series where !names.contains(s.name) { names.append(s.name) } }
    let pairs = MetricPair.pairs(names)
    guard !pairs.isEmpty else { return "" }
    var out = "<section id=\"metrics\">\n<h2>Metrics</h2>\n"
    out += "<p class=\"key\">Solid lines: training; dashed lines: validation. x: the step logged (the epoch, for fit).</p>\n<div class=\"charts\">\n"
    for (i, pair) in pairs.enumerated() {
      let (chart, notes) = metricChart(pair)
      out += figure(chart.svg(id: "m\(i + 1)"), notes: notes, kind: "metric")
    }
    return out + "</div>\n</section>\n"
  }

  /// One metric's chart and what its caption must say (bands over shared steps only).
  func metricChart(_ pair: MetricPair) -> (LineChart, [String]) {
    var marks: [Mark] = []
    var notes: [(label: String, names: [String], text: String)] = []
    var values: [Double] = []
    for (g, group) in groups.enumerated() {
      for (name, stroke) in [(pair.training, Stroke.solid), (pair.validation, Stroke.dashed)] {
        guard let name else { continue }
        let logged = group.runs.compactMap { run in run.series.first { $0.name == name } }
        guard !logged.isEmpty else { continue }
        values += logged.flatMap { $0.points.map(\.value) }
        if group.runs.count == 1 {
          let points = logged[0].points.map { ChartPoint(Double($0.step), $0.value) }
          marks.append(.line(Line(name: "\(group.label) · \(name)", points: points, colour: g, stroke: stroke)))
          continue
        }
        let band = SeedBand.over(logged.map(\.points))
        let points = band.points.map { BandPoint(x: Double($0.step), mean: $0.mean, spread: $0.std) }
        marks.append(.band(Band(name: "\(group.label) · \(name)", points: points, colour: g, stroke: stroke)))
        var said: [String] = []
        if logged.count < group.runs.count { said.append("logged by \(logged.count) of the \(group.runs.count) runs") }
        if band.truncated {
          let upTo = band.points.last.map { "up to step \($0.step)" } ?? "none"
          said.append("the band covers only the steps all \(band.runCount) runs logged (\(band.points.count), \(upTo)); the longest went on to step \(band.lastStep ?? 0)")
        }
        if !said.isEmpty {
          // One note for the series of a group that share it (`loss, val_loss: ...`).
          let text = said.joined(separator: "; ")
          if let i = notes.firstIndex(where: { $0.label == group.label && $0.text == text }) { notes[i].names.append(name) }
          else { notes.append((group.label, [name], text)) }
        }
      }
    }
    let finite = values.filter(\.isFinite)
    let positive = !finite.isEmpty && finite.allSatisfy { $0 > 0 }
    let useLog = positive && finite.max()! / finite.min()! >= 100
    let chart = LineChart(title: pair.base, xAxis: Axis(title: "step", integer: true),
                          yAxis: Axis(title: pair.base, scale: useLog ? .log : .linear), marks: marks)
    return (chart, notes.map { "\($0.label) · \($0.names.joined(separator: ", ")): \($0.text)." })
  }

  func curvesSection() -> String {
    var keys: [(kind: ReportCurve.Kind, name: String)] = []
    for run in runs {
      for curve in run.curves where !keys.contains(where: { $0.kind == curve.kind && $0.name == curve.name }) {
        keys.append((curve.kind, curve.name))
      }
    }
    guard !keys.isEmpty else { return "" }
    var out = "<section id=\"curves\">\n<h2>Curves</h2>\n<div class=\"charts\">\n"
    for (i, key) in keys.enumerated() {
      var curves: [CurveChart.Curve] = []
      for run in runs {
        guard let curve = run.curves.first(where: { $0.kind == key.kind && $0.name == key.name }) else { continue }
        let g = groupIndex(of: run)
        let member = groups[g].runs.firstIndex { $0.id == run.id } ?? 0
        let strokes: [Stroke] = [.solid, .dashed, .dotted]
        curves.append(CurveChart.Curve(name: run.id, points: zip(curve.x, curve.y).map { ChartPoint($0, $1) },
                                       area: curve.area, colour: g, stroke: strokes[member % strokes.count]))
      }
      let chart = key.kind == .roc ? CurveChart.roc(title: "ROC · \(key.name)", curves: curves)
        : CurveChart.precisionRecall(title: "Precision-recall · \(key.name)", curves: curves)
      out += figure(chart.svg(id: "c\(i + 1)"), notes: [], kind: "curve")
    }
    return out + "</div>\n</section>\n"
  }

  func labelsSection() -> String {
    let tables = runs.compactMap { run in run.table.map { (run, $0) } }
    guard !tables.isEmpty else { return "" }
    var out = "<section id=\"labels\">\n<h2>Per-label metrics</h2>\n"
    for (run, table) in tables {
      let rows = table.rows.map { MetricTable.Row(label: $0.label, cells: $0.values.map { .number($0) }) }
      out += MetricTable(caption: "run \(run.id)", columns: ["label"] + table.columns, rows: rows).html()
    }
    return out + "</section>\n"
  }

  /// Config or result side by side, one column per run; with several runs, rows whose values
  /// differ are marked.
  func fieldsSection(id: String, heading: String, fields: KeyPath<ReportRun, [ReportField]>) -> String {
    var keys: [String] = []
    for run in runs { for f in run[keyPath: fields] where !keys.contains(f.key) { keys.append(f.key) } }
    guard !keys.isEmpty else { return "" }
    let rows = keys.map { key -> MetricTable.Row in
      let values = runs.map { run in run[keyPath: fields].last { $0.key == key }?.value }
      let cells = values.map { $0.map(MetricTable.Cell.text) ?? .missing }
      return MetricTable.Row(label: key, cells: cells, marked: runs.count > 1 && values.contains { $0 != values[0] })
    }
    var out = "<section id=\"\(id)\">\n<h2>\(heading)</h2>\n"
    if runs.count > 1 { out += "<p class=\"key\">Highlighted: values that differ between runs.</p>\n" }
    out += MetricTable(columns: ["key"] + runs.map(\.id), rows: rows).html()
    return out + "</section>\n"
  }

  func figure(_ svg: String, notes: [String], kind: String) -> String {
    var out = "<figure class=\"\(kind)\">\n\(svg)"
    for note in notes { out += "<figcaption>\(Markup.escape(note))</figcaption>\n" }
    return out + "</figure>\n"
  }
}
