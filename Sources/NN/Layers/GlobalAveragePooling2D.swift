import Catalog

/// Global pooling: [n, height, width, channels] → [n, channels]: the mean over the positions.
public final class GlobalAveragePooling2D: GlobalPooling {
  public override class var kind: String { "GlobalAveragePooling2D" }

  public init(name: String = "") { super.init(.average, spatialRank: 2, name: name) }

  static let entry = Entry(
    module: "nn", name: "GlobalAveragePooling2D", summary: "[n, height, width, channels] → [n, channels]: the mean over the positions, as Keras.",
    returns: [Returned(.object("Layer"), "the layer")]
  ) { d in
    let name = d.option(LayerLibrary.nameOption, String.self)
    return LayerLibrary.layer { a in GlobalAveragePooling2D(name: try a[name]) }
  }
}
