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
            parameters: [matrixParameter],
            options: [Parameter("low", .number, "lower end", default: .number(0)), Parameter("high", .number, "upper end", default: .number(1))],
            returns: [Returned(.tensor, "a new tensor")]) { args in
        let s = MinMaxScaler(low: args.float("low"), high: args.float("high"))
        try s.fit(args.tensor("x"))
        return [.tensor(try s.transform(args.tensor("x")))]
      },
      entry("StandardScaler", "A scaler to fit on train and apply to test: `local sc = data.StandardScaler(); sc:fit(train.x); local xt = sc:transform(test.x)`.",
            returns: [Returned(.object("Scaler"), "an unfitted standard scaler")]) { _ in
        [.object(Scaler(.standard(StandardScaler())))]
      },
      entry("MinMaxScaler", "A scaler to [low, high] to fit on train and apply to test.",
            options: [Parameter("low", .number, "lower end", default: .number(0)), Parameter("high", .number, "upper end", default: .number(1))],
            returns: [Returned(.object("Scaler"), "an unfitted min-max scaler")]) { args in
        guard args.double("low") < args.double("high") else { throw CatalogError("low must be below high") }
        return [.object(Scaler(.minMax(MinMaxScaler(low: args.float("low"), high: args.float("high")))))]
      },
      entry("fit", "Learns the column statistics of x; returns the scaler.",
            parameters: [scalerParameter, matrixParameter], returns: [Returned(.object("Scaler"), "the scaler")], methodOf: "Scaler") { args in
        let s = scaler(args)
        try s.fit(args.tensor("x"))
        return [.object(s)]
      },
      entry("transform", "x scaled with the fitted statistics.",
            parameters: [scalerParameter, matrixParameter], returns: [Returned(.tensor, "a new tensor")], methodOf: "Scaler") { args in
        [.tensor(try scaler(args).transform(args.tensor("x")))]
      },
      entry("fit_transform", "fit then transform on the same data.",
            parameters: [scalerParameter, matrixParameter], returns: [Returned(.tensor, "a new tensor")], methodOf: "Scaler") { args in
        let s = scaler(args)
        try s.fit(args.tensor("x"))
        return [.tensor(try s.transform(args.tensor("x")))]
      },
    ]
  }
}
