/// Shared applications of the layers without weights: a fresh layer of the same options.
extension Dropout {
  public func twin() throws -> Layer { Dropout(rate: rate, name: name) }
}

extension GaussianNoise {
  public func twin() throws -> Layer { GaussianNoise(stddev: stddev, name: name) }
}

extension ActivationLayer {
  public func twin() throws -> Layer { ActivationLayer(activation, alpha: alpha, name: name) }
}
