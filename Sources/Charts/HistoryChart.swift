/// An optimisation history: each trial's objective value as a dot over the trial number, and
/// the best value so far as a line of steps (it holds until a trial beats it).
public enum HistoryChart {
  /// `values`: x the trial number, y its objective value (non-finite values are left out, of
  /// the best value too). `minimize` says which values are better.
  public static func chart(title: String, objective: String, values: [ChartPoint], minimize: Bool) -> LineChart {
    let ordered = values.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
    let finite = ordered.filter { $0.x.isFinite && $0.y.isFinite }
    let best = bestSoFar(finite, minimize: minimize)
    let positive = !finite.isEmpty && finite.allSatisfy { $0.y > 0 }
    let useLog = positive && finite.map(\.y).max()! / finite.map(\.y).min()! >= 100
    return LineChart(title: title, xAxis: Axis(title: "trial", integer: true),
                     yAxis: Axis(title: objective, scale: useLog ? .log : .linear),
                     marks: [.line(Line(name: objective, points: finite, colour: 0, shape: .dots)),
                             .line(Line(name: "best so far", points: best, colour: 3, shape: .leftSteps))])
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
