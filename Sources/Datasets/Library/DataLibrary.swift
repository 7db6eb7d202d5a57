import Catalog
import Tensors

/// The `data` module: loaders, generators, encoders, scalers and splits.
public enum DataLibrary {
  public static let summary = "Load, generate, transform and split data sets (ARFF/MULAN/MEKA, CSV, LibSVM, NPY)."

  public static var entries: [Entry] {
    constructors + loaders + generators + transforms + sequences + splits
  }

  static let module = "data"

  /// An entry of this module declared with types; data errors become catalog errors.
  static func entry(_ name: String, _ summary: String, returns: [Returned] = [], methodOf: String? = nil,
                    metamethod: String? = nil, details: String? = nil,
                    declare: (Declarer) -> @Sendable (Arguments) throws -> [Value]) -> Entry {
    Entry(module: module, name: name, summary: summary, returns: returns, methodOf: methodOf, metamethod: metamethod,
          details: details) { d in
      let body = declare(d)
      return { args in
        do { return try body(args) } catch let e as DataError { throw CatalogError(e.message) }
      }
    }
  }

  static let seedOption = Parameter("seed", .nonNegativeInteger, "seed of its own; without one the run's random streams are used", optional: true)
  static func seed(_ d: Declarer) -> Arg<Int?> { d.option(seedOption, Int?.self) }
  static let datasetParameter = Parameter("ds", .object("Dataset"), "the dataset")
  /// The `ds` parameter of a Dataset method.
  static func datasetArgument(_ d: Declarer) -> Arg<Dataset> {
    d.object(datasetParameter.name, Dataset.self, datasetParameter.doc)
  }
  static let returnsDataset = [Returned(.object("Dataset"), "a dataset")]
  static let returnsTrainTest = [Returned(.object("Dataset"), "train"), Returned(.object("Dataset"), "test")]

  /// The stream of a call to `data.<name>`: its own seed's, else the run's next.
  static func stream(seed: Int?, _ session: Session, _ name: String) -> RandomStream {
    if let seed { return RandomStream(seed: UInt64(seed)) }
    return session.random.nextStream("data.\(name)")
  }

  static func strings(_ names: [String]) -> Value { .list(names.map { .string($0) }) }
  static func numbers(_ values: [Double]) -> Value { .list(values.map { .number($0) }) }
}
