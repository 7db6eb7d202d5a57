/// Shared applications of the layers without weights: a fresh layer of the same options.
/// (Layers with weights make theirs beside their other code: Dense, the convolutions.)
extension Dropout {
  public func twin() throws -> Layer { Dropout(rate: rate, name: name) }
}

extension GaussianNoise {
  public func twin() throws -> Layer { GaussianNoise(stddev: stddev, name: name) }
}

extension ActivationLayer {
  public func twin() throws -> Layer { ActivationLayer(activation, alpha: alpha, name: name) }
}

extension Flatten {
  public func twin() throws -> Layer { Flatten(name: name) }
}

extension Reshape {
  public func twin() throws -> Layer { try Reshape(targetShape: targetShape, name: name) }
}

extension GlobalPooling {
  public func twin() throws -> Layer {
    switch (reduction, spatialRank) {
    case (.average, 1): return GlobalAveragePooling1D(name: name)
    case (.average, _): return GlobalAveragePooling2D(name: name)
    case (.maximum, 1): return GlobalMaxPooling1D(name: name)
    case (.maximum, _): return GlobalMaxPooling2D(name: name)
    }
  }
}

extension SpatialDropout {
  public func twin() throws -> Layer {
    spatialRank == 1 ? SpatialDropout1D(rate: rate, name: name) : SpatialDropout2D(rate: rate, name: name)
  }
}
