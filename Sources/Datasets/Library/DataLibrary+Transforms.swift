import Catalog
import Tensors

extension DataLibrary {
  static let scalerParameter = Parameter("scaler", .object("Scaler"), "the scaler")
  static let matrixParameter = Parameter("x", .tensor, "an n x d matrix")

  /// A Scaler method's `scaler` and `x` (a matrix, or a dataset whose x it works on).
  struct ScalerArguments {
    let scaler: Arg<Scaler>, x: Arg<Value>
    init(_ d: Declarer) {
      scaler = d.object(scalerParameter.name, Scaler.self, scalerParameter.doc)
      x = d.parameter(scaledParameter, Value.self)
    }
    func read(_ args: Arguments) throws -> (Scaler, Scaled) { (try args[scaler], try Scaled(try args[x])) }
  }

  static var transforms: [Entry] {
    [
      entry("one_hot", "Class indices 0..n_classes-1 (a vector or n x 1) as n x n_classes 0/1 columns.",
            returns: [Returned(.tensor, "an n x n_classes tensor")]) { d in
        let y = d.parameter("y", Tensor.self, "class indices")
        let classes = d.parameter("n_classes", Int.self, "number of classes", as: .positiveInteger)
        return { args in [.tensor(try Encoding.oneHot(try args[y], classes: try args[classes]))] }
      },
      entry("standardize", "Columns centred and scaled to unit variance with their own statistics (fit a StandardScaler on train to apply train's to test).",
            returns: [Returned(.tensor, "a new tensor")]) { d in
        let x = d.parameter(matrixParameter, Tensor.self)
        return { args in
          let s = StandardScaler()
          try s.fit(try args[x])
          return [.tensor(try s.transform(try args[x]))]
        }
      },
      entry("min_max", "Columns rescaled to [low, high] with their own minima and maxima.",
            returns: [Returned(.tensor, "a new tensor")]) { d in
        let x = d.parameter(matrixParameter, Tensor.self)
        let range = RangeOptions(d)
        return { args in
          let s = try range.scaler(args)
          try s.fit(try args[x])
          return [.tensor(try s.transform(try args[x]))]
        }
      },
      entry("StandardScaler", "A scaler to fit on train and apply to test: `local sc = data.StandardScaler(); sc:fit(train.x); local xt = sc:transform(test.x)`.",
            returns: [Returned(.object("Scaler"), "an unfitted standard scaler")]) { _ in
        { _ in [.object(Scaler(.standard(StandardScaler())))] }
      },
      entry("MinMaxScaler", "A scaler to [low, high] to fit on train and apply to test: `data.MinMaxScaler{feature_range = {-1, 1}}` (scikit-learn's arithmetic).",
            returns: [Returned(.object("Scaler"), "an unfitted min-max scaler")],
            details: "x maps to x * scale + (low - min * scale), scale = (high - low) / (max - min), in float32 as scikit-learn computes it; a constant column takes a range of 1.") { d in
        let range = RangeOptions(d)
        return { args in [.object(Scaler(.minMax(try range.scaler(args))))] }
      },
      entry("fit", "Learns the column statistics of x (a matrix, or a dataset's x); returns the scaler.",
            returns: [Returned(.object("Scaler"), "the scaler")], methodOf: "Scaler") { d in
        let given = ScalerArguments(d)
        return { args in
          let (s, input) = try given.read(args)
          try s.fit(input.x)
          return [.object(s)]
        }
      },
      entry("transform", "x scaled with the fitted statistics; a dataset gives a dataset with x scaled (y and the names kept).",
            returns: [returnsScaled], methodOf: "Scaler") { d in
        let given = ScalerArguments(d)
        return { args in
          let (s, input) = try given.read(args)
          return [try input.map { try s.transform($0) }]
        }
      },
      entry("inverse_transform", "Undoes transform: the data back in its original units (scikit-learn's inverse_transform); a dataset gives a dataset.",
            returns: [returnsScaled], methodOf: "Scaler") { d in
        let given = ScalerArguments(d)
        return { args in
          let (s, input) = try given.read(args)
          return [try input.map { try s.inverseTransform($0) }]
        }
      },
      entry("fit_transform", "fit then transform on the same data.",
            returns: [returnsScaled], methodOf: "Scaler") { d in
        let given = ScalerArguments(d)
        return { args in
          let (s, input) = try given.read(args)
          try s.fit(input.x)
          return [try input.map { try s.transform($0) }]
        }
      },
    ]
  }

  static let scaledParameter = Parameter("x", .either(.tensor, .object("Dataset")), "an n x d matrix, or a dataset (its x)")
  static let returnsScaled = Returned(.either(.tensor, .object("Dataset")), "a new tensor, or a new dataset when given one")

  /// A min-max scaler's range: `feature_range = {a, b}` or `low`/`high` (not both).
  struct RangeOptions {
    let featureRange: Arg<[Double]?>, low: Arg<Double?>, high: Arg<Double?>
    init(_ d: Declarer) {
      featureRange = d.option("feature_range", [Double].self, "{low, high}, as scikit-learn spells it (low < high)")
      low = d.option("low", Double.self, "lower end (default 0)")
      high = d.option("high", Double.self, "upper end (default 1)")
    }

    func scaler(_ args: Arguments) throws -> MinMaxScaler {
      let givenLow = try args[low], givenHigh = try args[high]
      var (lo, hi) = (givenLow ?? 0, givenHigh ?? 1)
      if let range = try args[featureRange] {
        guard givenLow == nil, givenHigh == nil else {
          throw CatalogError("give option 'feature_range' or 'low' and 'high', not both")
        }
        guard range.count == 2 else {
          throw CatalogError("option 'feature_range' expects {low, high}, got \(range.count) number\(range.count == 1 ? "" : "s")")
        }
        (lo, hi) = (range[0], range[1])
      }
      return try MinMaxScaler(low: Float(lo), high: Float(hi))
    }
  }

  /// What a scaler method was given: a matrix, or a dataset whose x it works on.
  struct Scaled {
    let x: Tensor
    let dataset: Dataset?

    /// `v` was checked against `scaledParameter`: a tensor or a Dataset.
    init(_ v: Value) throws {
      switch v {
      case .tensor(let t): (x, dataset) = (t, nil)
      case .object(let o as Dataset): (x, dataset) = (o.x, o)
      default: throw CatalogError("'x' expects \(scaledParameter.type.description), got \(v.summary)")
      }
    }

    func map(_ f: (Tensor) throws -> Tensor) throws -> Value {
      let out = try f(x)
      guard let ds = dataset else { return .tensor(out) }
      return .object(try Dataset(x: out, y: ds.y, featureNames: ds.featureNames, labelNames: ds.labelNames, name: ds.name))
    }
  }
}
