/// How a line is stroked: training series solid, validation dashed.
public enum Stroke: String, Sendable, Equatable {
  case solid, dashed, dotted

  var dashArray: String? {
    switch self {
    case .solid: nil
    case .dashed: "7 4"
    case .dotted: "2 3"
    }
  }
}
