import Catalog
import Sweeps

extension ExperimentDeclaration {
  /// Checks the declared search space against the keys of the config the named configs give
  /// (before any override): each parameter must set one of its keys (dotted for nested ones),
  /// as a trial's overrides will. The error names the parameter and the nearest key.
  public func checkSweep(named names: [String]) throws {
    guard let sweep else { return }
    let config = try self.config(named: names, overrides: [], cliSeed: 0, drawSeed: { 0 })
    try sweep.validate(configKeys: config.dottedKeys)
  }
}

extension Config {
  /// Every leaf's dotted key (`lr`, `optim.beta1`), sorted: what an override or a sweep
  /// parameter may set.
  public var dottedKeys: [String] {
    Config.leaves(of: root, prefix: []).map { $0.0.joined(separator: ".") }.filter { !$0.isEmpty }.sorted()
  }
}
