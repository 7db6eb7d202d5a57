import Catalog

/// Channel dropout on [n, steps, channels]: one draw per sample and channel, shared by every step.
public final class SpatialDropout1D: SpatialDropout {
  public override class var kind: String { "SpatialDropout1D" }

  public init(rate: Float, name: String = "") { super.init(rate: rate, spatialRank: 1, name: name) }

  static let entry = Entry(
    module: "nn", name: "SpatialDropout1D",
    summary: "Drops whole channels in training (Keras's SpatialDropout1D) on [n, steps, channels]: one draw per sample and channel, shared by every step; kept channels are scaled by 1/(1-rate).",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let rate = d.parameter("rate", Float.self, "fraction of channels dropped", as: .numberIn(0, 0.999))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try SpatialDropout1D(rate: a[rate], name: a[name]) }
  }
}
