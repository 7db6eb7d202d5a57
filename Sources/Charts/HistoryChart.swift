/// An optimisation history: each trial's objective value as a dot over the trial number (on
/// top), and the best value so far as a line of steps (it holds until a trial beats it).
public enum HistoryChart {
  /// `values`: x the trial number, y its objective value (non-finite values are left out, of
  /// the best value too). `minimize` says which values are better.
  public static func chart(title: String, objective: String, values: [ChartPoint], minimize: Bool) -> LineChart {
    let finite = values.filter { $0.x.isFinite && $0.y.isFinite }.enumerated()
      .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
    let best = bestSoFar(finite, minimize: minimize)
    // Half a trial of room at each end, so that the first and last dots are not cut by the plot area.
    let domain = finite.isEmpty ? nil : (finite[0].x - 0.5)...(finite[finite.count - 1].x + 0.5)
    return LineChart(title: title, xAxis: Axis(title: "trial", domain: domain, integer: true),
                     yAxis: Axis(title: objective, scale: scale(for: finite.map(\.y))),
                     marks: [.line(Line(name: "best so far", points: best, colour: 3, shape: .leftSteps)),
                             .line(Line(name: objective, points: finite, colour: 0, shape: .dots))])
  }

  /// A log axis for values that are all positive and span two decades or more; else linear.
  public static func scale(for values: [Double]) -> ScaleKind {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max(), lo > 0 else { return .linear }
    return hi / lo >= 100 ? .log : .linear
  }

  /// The best y up to each point, points in x order.
  public static func bestSoFar(_ points: [ChartPoint], minimize: Bool) -> [ChartPoint] {
    var out: [ChartPoint] = []
    var best: Double?
    for p in points where p.y.isFinite {
      let current = best.map { b in minimize ? min(b, p.y) : max(b, p.y) } ?? p.y
      best = current
      out.append(ChartPoint(p.x, current))
    }
    return out
  }
}
