import Charts

/// The page's sections.
extension StudyReport {
  func summarySection() -> String {
    var out = "<section id=\"study\">\n<dl class=\"study\">\n"
    var rows: [(String, String)] = [("objective", "\(study.objective) (\(study.direction.rawValue))")]
    if let experiment = study.experiment { rows.append(("experiment", experiment)) }
    rows += [("sampler", study.sampler), ("pruner", study.pruner)]
    for (key, value) in rows { out += "<dt>\(Markup.escape(key))</dt><dd>\(Markup.escape(value))</dd>\n" }
    out += "</dl>\n"
    let states = ReportTrial.State.allCases
    let counts = states.map { s in Double(trials.filter { $0.state == s }.count) }
    out += MetricTable(caption: "Trials by state", columns: [""] + states.map { $0.rawValue.lowercased() } + ["all"],
                       rows: [.init(label: "trials", cells: (counts + [Double(trials.count)]).map { .number($0) })]).html()
    if !study.parameters.isEmpty {
      out += MetricTable(caption: "Search space", columns: ["parameter", "values"],
                         rows: study.parameters.map { .init(label: $0.name, cells: [.text($0.summary)]) }).html()
    }
    return out + "</section>\n"
  }

  func bestSection() -> String {
    var out = "<section id=\"best\">\n<h2>Best trial</h2>\n"
    guard let best else { return out + "<p class=\"key\">No trial has completed with a value yet.</p>\n</section>\n" }
    var said = "Trial \(best.number): \(study.objective) = \(NumberText.significant(best.value!, digits: 6))"
    if let run = best.runID { said += ", run \(run)" }
    if let step = best.step { said += ", last step \(step)" }
    out += "<p class=\"key\">\(Markup.escape(said)).</p>\n"
    if !study.parameters.isEmpty {
      let rows = study.parameters.map { p -> MetricTable.Row in
        .init(label: p.name, cells: [best.params[p.name].map { .text(p.text(of: $0, exact: true)) } ?? .missing])
      }
      out += MetricTable(caption: "Its config", columns: ["parameter", "value"], rows: rows).html()
    }
    return out + "</section>\n"
  }

  func historySection() -> String {
    let chart = HistoryChart.chart(title: "Optimisation history", objective: study.objective,
                                   values: finished.map { ChartPoint(Double($0.number), $0.value!) },
                                   minimize: study.direction == .minimize)
    var note = "Each complete trial's \(study.objective) (dots) and the best so far (steps)."
    let left = leftOut()
    if !left.isEmpty { note += " Left out: \(left)." }
    return "<section id=\"history\">\n<h2>Optimisation history</h2>\n<div class=\"charts\">\n"
      + figure(chart.svg(id: "history"), notes: [note], kind: "wide") + "</div>\n</section>\n"
  }

  func parallelSection() -> String {
    guard !study.parameters.isEmpty else { return "" }
    let best = self.best
    let objective = objectiveDimension()
    var items: [ParallelCoordinatesChart.Item] = []
    for t in trials where t.state == .pruned || finished.contains(where: { $0.number == t.number }) {
      let values = study.parameters.map { t.params[$0.name] ?? .nan }
      if t.state == .pruned {
        items.append(.init(name: "trial \(t.number) (pruned)", values: values + [.nan], colourValue: .nan, style: .faint))
      } else {
        items.append(.init(name: "trial \(t.number): \(study.objective) \(NumberText.significant(t.value!, digits: 4))",
                           values: values + [t.value!], colourValue: t.value!, style: t.number == best?.number ? .highlighted : .coloured))
      }
    }
    let chart = ParallelCoordinatesChart(title: "Parameters and \(study.objective)", dimensions: study.parameters.map(dimension) + [objective],
                                         items: items, colourTitle: study.objective, faintName: "pruned",
                                         highlightedName: best.map { "best: trial \($0.number)" } ?? "best")
    var notes = ["One line per complete trial, through its parameters to its \(study.objective) and coloured by it; the best trial is drawn wide."]
    let pruned = trials.filter { $0.state == .pruned }.count
    if pruned > 0 { notes.append("Pruned trials (\(pruned)) are drawn faint grey over the parameters only: they have no final value.") }
    let others = trials.filter { [.failed, .running, .waiting].contains($0.state) || ($0.state == .complete && !($0.value?.isFinite ?? false)) }.count
    if others > 0 { notes.append("Failed, unfinished and valueless trials (\(others)) are left out.") }
    if study.parameters.count > 1 { notes.append("A gap: the parameter was not active in that trial.") }
    return "<section id=\"parallel\">\n<h2>Parallel coordinates</h2>\n<div class=\"charts\">\n"
      + figure(chart.svg(id: "parallel"), notes: [notes.joined(separator: " ")], kind: "wide") + "</div>\n</section>\n"
  }

  func slicesSection() -> String {
    guard !study.parameters.isEmpty else { return "" }
    let best = self.best
    let objective = objectiveDimension()
    var out = "<section id=\"slices\">\n<h2>Slices</h2>\n"
    out += "<p class=\"key\">Each parameter's value against \(Markup.escape(study.objective)), one point per complete trial, coloured by trial number; the best trial ringed.</p>\n<div class=\"charts\">\n"
    for (i, p) in study.parameters.enumerated() {
      let points = finished.compactMap { t -> ScatterChart.Point? in
        guard let v = t.params[p.name] else { return nil }
        return .init(x: v, y: t.value!, colourValue: Double(t.number),
                     name: "trial \(t.number): \(p.name) \(p.text(of: v)), \(study.objective) \(NumberText.significant(t.value!, digits: 4))",
                     highlighted: t.number == best?.number)
      }
      let chart = ScatterChart(title: p.name, xAxis: dimension(p), yAxis: objective, points: points, colourTitle: "trial",
                               highlightedName: best.map { "best: trial \($0.number)" } ?? "best", layout: .slice)
      out += figure(chart.svg(id: "slice\(i + 1)"), notes: [], kind: "slice")
    }
    return out + "</div>\n</section>\n"
  }

  func trialsSection() -> String {
    guard !trials.isEmpty else { return "" }
    let bestNumber = best?.number
    let rows = trials.map { t -> MetricTable.Row in
      var cells: [MetricTable.Cell] = [.text(t.state.rawValue)]
      cells.append(t.value.map { .number($0) } ?? .missing)
      cells.append(t.step.map { .number(Double($0)) } ?? .missing)
      cells.append(t.runID.map { .text($0) } ?? .missing)
      cells += study.parameters.map { p in t.params[p.name].map { .text(p.text(of: $0)) } ?? .missing }
      return .init(label: String(t.number), cells: cells, marked: t.number == bestNumber)
    }
    var out = "<section id=\"trials\">\n<h2>Trials</h2>\n"
    out += "<p class=\"key\">A pruned trial's \(Markup.escape(study.objective)) is the last value it reported, at the step it reached. Highlighted: the best trial.</p>\n"
    out += MetricTable(columns: ["trial", "state", study.objective, "step", "run"] + study.parameters.map(\.name), rows: rows).html()
    return out + "</section>\n"
  }

  /// The axis of a parameter: its range always shown, its options in order.
  func dimension(_ p: ReportParameter) -> Dimension {
    switch p.kind {
    case .numeric(let low, let high, let integer): Dimension(title: p.name, kind: .linear(integer: integer), range: low...high)
    case .log(let low, let high, _): Dimension(title: p.name, kind: .log, range: low...high)
    case .categorical(let options): Dimension(title: p.name, kind: .categories(options))
    }
  }

  /// The objective's axis: log for positive values over two decades or more.
  func objectiveDimension() -> Dimension {
    Dimension(title: study.objective, kind: HistoryChart.scale(for: finished.map { $0.value! }) == .log ? .log : .linear(integer: false))
  }

  /// The trials the history leaves out, counted by kind (`3 pruned, 1 failed`).
  func leftOut() -> String {
    var parts: [String] = []
    for state in ReportTrial.State.allCases where state != .complete {
      let n = trials.filter { $0.state == state }.count
      if n > 0 { parts.append("\(n) \(state.rawValue.lowercased())") }
    }
    let valueless = trials.filter { $0.state == .complete && !($0.value?.isFinite ?? false) }.count
    if valueless > 0 { parts.append("\(valueless) complete without a finite value") }
    return parts.joined(separator: ", ")
  }

  func figure(_ svg: String, notes: [String], kind: String) -> String {
    var out = "<figure class=\"\(kind)\">\n\(svg)"
    for note in notes { out += "<figcaption>\(Markup.escape(note))</figcaption>\n" }
    return out + "</figure>\n"
  }
}
