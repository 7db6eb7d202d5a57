/// An axis: its title, its scale, and optionally a fixed domain (else the data's, rounded out
/// to ticks). `integer` keeps tick steps whole.
public struct Axis: Sendable, Equatable {
  public var title: String
  public var scale: ScaleKind
  public var domain: ClosedRange<Double>?
  public var integer: Bool
  public init(title: String, scale: ScaleKind = .linear, domain: ClosedRange<Double>? = nil, integer: Bool = false) {
    self.title = title; self.scale = scale; self.domain = domain; self.integer = integer
  }
}
