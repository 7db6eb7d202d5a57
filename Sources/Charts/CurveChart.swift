/// ROC and precision-recall charts: curves in the unit square, each named in the legend with
/// its area (AUC or AP).
public enum CurveChart {
  /// One curve: its name, its points (x = false positive rate or recall, y = true positive
  /// rate or precision), the area it summarises to, and how it is drawn.
  public struct Curve: Sendable, Equatable {
    public var name: String
    public var points: [ChartPoint]
    public var area: Double?
    public var colour: Int
    public var stroke: Stroke
    public init(name: String, points: [ChartPoint], area: Double?, colour: Int, stroke: Stroke = .solid) {
      self.name = name; self.points = points; self.area = area; self.colour = colour; self.stroke = stroke
    }
  }

  /// ROC curves, with the chance diagonal; legend entries `name (AUC 0.873)`.
  public static func roc(title: String, curves: [Curve]) -> LineChart {
    chart(title: title, x: "false positive rate", y: "true positive rate", curves: curves, areaName: "AUC",
          references: [ReferenceLine(from: ChartPoint(0, 0), to: ChartPoint(1, 1))], shape: .straight)
  }

  /// Precision-recall curves; legend entries `name (AP 0.812)`. Points are joined by steps
  /// (`Line.Shape.rightSteps`), so that the area under a curve is its average precision.
  public static func precisionRecall(title: String, curves: [Curve]) -> LineChart {
    chart(title: title, x: "recall", y: "precision", curves: curves, areaName: "AP", references: [], shape: .rightSteps)
  }

  static func chart(title: String, x: String, y: String, curves: [Curve], areaName: String, references: [ReferenceLine],
                    shape: Line.Shape) -> LineChart {
    let marks = curves.map { curve -> Mark in
      let name = curve.area.map { "\(curve.name) (\(areaName) \(NumberText.fixed($0, decimals: 3)))" } ?? curve.name
      return .line(Line(name: name, points: curve.points, colour: curve.colour, stroke: curve.stroke, shape: shape))
    }
    return LineChart(title: title, xAxis: Axis(title: x, domain: 0...1), yAxis: Axis(title: y, domain: 0...1),
                     marks: marks, references: references, layout: .square)
  }
}
