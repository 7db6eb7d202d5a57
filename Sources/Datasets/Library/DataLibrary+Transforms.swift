import Catalog
import Tensors

extension DataLibrary {
  static let scalerParameter = Parameter("scaler", .object("Scaler"), "the scaler")
  static let matrixParameter = Parameter("x", .tensor, "an n x d matrix")

  static func scaler(_ args: Arguments) -> Scaler {
    if case .object(let o) = args.value("scaler"), let s = o as? Scaler { return s }
    preconditionFailure("'scaler' is not a Scaler")
  }

  static var transforms: [Entry] {
    [
      entry("one_hot", "Class indices 0..n_classes-1 (a vector or n x 1) as n x n_classes 0/1 columns.",
            parameters: [Parameter("y", .tensor, "class indices"), Parameter("n_classes", .positiveInteger, "number of classes")],
            returns: [Returned(.tensor, "an n x n_classes tensor")]) { args in
        [.tensor(try Encoding.oneHot(args.tensor("y"), classes: args.int("n_classes")))]
      },
      entry("standardize", "Columns centred and scaled to unit variance with their own statistics (fit a StandardScaler on train to apply train's to test).",
            parameters: [matrixParameter], returns: [Returned(.tensor, "a new tensor")]) { args in
        let s = StandardScaler()
        try s.fit(args.tensor("x"))
        return [.tensor(try s.transform(args.tensor("x")))]
      },
      entry("min_max", "Columns rescaled to [low, high] with their own minima and maxima.",
            parameters: [matrixParameter], options: rangeOptions,
            returns: [Returned(.tensor, "a new tensor")]) { args in
        let s = try minMax(args)
        try s.fit(args.tensor("x"))
        return [.tensor(try s.transform(args.tensor("x")))]
      },
      entry("StandardScaler", "A scaler to fit on train and apply to test: `local sc = data.StandardScaler(); sc:fit(train.x); local xt = sc:transform(test.x)`.",
            returns: [Returned(.object("Scaler"), "an unfitted standard scaler")]) { _ in
        [.object(Scaler(.standard(StandardScaler())))]
      },
      entry("MinMaxScaler", "A scaler to [low, high] to fit on train and apply to test: `data.MinMaxScaler{feature_range = {-1, 1}}` (scikit-learn's arithmetic).",
            options: rangeOptions,
            returns: [Returned(.object("Scaler"), "an unfitted min-max scaler")],
            details: "x maps to x * scale + (low - min * scale), scale = (high - low) / (max - min), in float32 as scikit-learn computes it; a constant column takes a range of 1.") { args in
        [.object(Scaler(.minMax(try minMax(args))))]
      },
      entry("fit", "Learns the column statistics of x (a matrix, or a dataset's x); returns the scaler.",
            parameters: [scalerParameter, scaledParameter], returns: [Returned(.object("Scaler"), "the scaler")], methodOf: "Scaler") { args in
        let s = scaler(args)
        try s.fit(try scaled(args).x)
        return [.object(s)]
      },
      entry("transform", "x scaled with the fitted statistics; a dataset gives a dataset with x scaled (y and the names kept).",
            parameters: [scalerParameter, scaledParameter], returns: [returnsScaled], methodOf: "Scaler") { args in
        let s = scaler(args)
        return [try scaled(args).map { try s.transform($0) }]
      },
      entry("inverse_transform", "Undoes transform: the data back in its original units (scikit-learn's inverse_transform); a dataset gives a dataset.",
            parameters: [scalerParameter, scaledParameter], returns: [returnsScaled], methodOf: "Scaler") { args in
        let s = scaler(args)
        return [try scaled(args).map { try s.inverseTransform($0) }]
      },
      entry("fit_transform", "fit then transform on the same data.",
            parameters: [scalerParameter, scaledParameter], returns: [returnsScaled], methodOf: "Scaler") { args in
        let s = scaler(args)
        let input = try scaled(args)
        try s.fit(input.x)
        return [try input.map { try s.transform($0) }]
      },
    ]
  }

  static let scaledParameter = Parameter("x", .either(.tensor, .object("Dataset")), "an n x d matrix, or a dataset (its x)")
  static let returnsScaled = Returned(.either(.tensor, .object("Dataset")), "a new tensor, or a new dataset when given one")

  static let rangeOptions = [
    Parameter("feature_range", .list(.number), "{low, high}, as scikit-learn spells it (low < high)", optional: true),
    Parameter("low", .number, "lower end (default 0)", optional: true),
    Parameter("high", .number, "upper end (default 1)", optional: true),
  ]

  /// A min-max scaler from `feature_range = {a, b}` or `low`/`high` (not both).
  static func minMax(_ args: Arguments) throws -> MinMaxScaler {
    var low = args.optionalDouble("low") ?? 0, high = args.optionalDouble("high") ?? 1
    if args.has("feature_range") {
      guard !args.has("low"), !args.has("high") else {
        throw CatalogError("give option 'feature_range' or 'low' and 'high', not both")
      }
      let range = args.list("feature_range").map { v -> Double in if case .number(let d) = v { return d }; return .nan }
      guard range.count == 2 else {
        throw CatalogError("option 'feature_range' expects {low, high}, got \(range.count) number\(range.count == 1 ? "" : "s")")
      }
      (low, high) = (range[0], range[1])
    }
    return try MinMaxScaler(low: Float(low), high: Float(high))
  }

  /// What a scaler method was given: a matrix, or a dataset whose x it works on.
  struct Scaled {
    let x: Tensor
    let dataset: Dataset?
    func map(_ f: (Tensor) throws -> Tensor) throws -> Value {
      let out = try f(x)
      guard let ds = dataset else { return .tensor(out) }
      return .object(try Dataset(x: out, y: ds.y, featureNames: ds.featureNames, labelNames: ds.labelNames, name: ds.name))
    }
  }

  static func scaled(_ args: Arguments) throws -> Scaled {
    switch args.value("x") {
    case .tensor(let t): return Scaled(x: t, dataset: nil)
    case .object(let o as Dataset): return Scaled(x: o.x, dataset: o)
    default: preconditionFailure("'x' is not a tensor or a Dataset")
    }
  }
}
