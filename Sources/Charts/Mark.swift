/// What a chart draws, in order (later marks on top; every area is drawn under every line).
public enum Mark: Sendable, Equatable {
  case line(Line)
  case band(Band)

  public var name: String {
    switch self {
    case .line(let l): l.name
    case .band(let b): b.name
    }
  }
}
