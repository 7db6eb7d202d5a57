import Catalog
import NN

/// A session over a catalog holding the training engine's modules (`nn`, `optim`, `losses`),
/// which model files are rebuilt through.
public func nnSession() throws -> Session {
  let catalog = Catalog()
  try NNLibrary.register(into: catalog)
  return Session(catalog: catalog)
}
