import Catalog

/// Global pooling: [n, height, width, channels] → [n, channels]: the maximum over the positions.
public final class GlobalMaxPooling2D: GlobalPooling {
  public override class var kind: String { "GlobalMaxPooling2D" }

  public init(name: String = "") { super.init(.maximum, spatialRank: 2, name: name) }

  static let entry = Entry(
    module: "nn", name: "GlobalMaxPooling2D", summary: "[n, height, width, channels] → [n, channels]: the maximum over the positions, as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in GlobalMaxPooling2D(name: try a[name]) }
  }
}
