import Catalog

/// Global pooling: [n, steps, channels] → [n, channels]: the maximum over the steps (masked steps left out).
public final class GlobalMaxPooling1D: GlobalPooling, MaskConsuming {
  public override class var kind: String { "GlobalMaxPooling1D" }

  public init(name: String = "") { super.init(.maximum, spatialRank: 1, name: name) }

  static let entry = Entry(
    module: "nn", name: "GlobalMaxPooling1D", summary: "[n, steps, channels] → [n, channels]: the maximum over the steps (masked steps left out), as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in GlobalMaxPooling1D(name: try a[name]) }
  }
}
