import Catalog

/// Global pooling: [n, steps, channels] → [n, channels]: the mean over the steps (masked steps left out).
public final class GlobalAveragePooling1D: GlobalPooling, MaskConsuming {
  public override class var kind: String { "GlobalAveragePooling1D" }

  public init(name: String = "") { super.init(.average, spatialRank: 1, name: name) }

  static let entry = Entry(
    module: "nn", name: "GlobalAveragePooling1D", summary: "[n, steps, channels] → [n, channels]: the mean over the steps (masked steps left out), as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in GlobalAveragePooling1D(name: try a[name]) }
  }
}
