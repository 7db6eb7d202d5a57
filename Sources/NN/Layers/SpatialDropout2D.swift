import Catalog

/// Channel dropout on [n, height, width, channels]: one draw per sample and channel, shared by every position.
public final class SpatialDropout2D: SpatialDropout {
  public override class var kind: String { "SpatialDropout2D" }

  public init(rate: Float, name: String = "") { super.init(rate: rate, spatialRank: 2, name: name) }

  static let entry = Entry(
    module: "nn", name: "SpatialDropout2D",
    summary: "Drops whole channels in training (Keras's SpatialDropout2D) on [n, height, width, channels]: one draw per sample and channel, shared by every position; kept channels are scaled by 1/(1-rate).",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let rate = d.parameter("rate", Float.self, "fraction of channels dropped", as: .numberIn(0, 0.999))
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in try SpatialDropout2D(rate: a[rate], name: a[name]) }
  }
}
